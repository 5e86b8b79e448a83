using Microsoft.Extensions.Configuration;

namespace Serverless.Infrastructure.Support;

/// <summary>Where the support content lives: the Blob container of <c>Support:ContentContainerName</c> (default <c>support</c>).</summary>
public sealed class SupportContentOptions
{
    public const string SectionName = "Support";

    public string ContainerName { get; init; } = "support";

    public static SupportContentOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetSection(SectionName)["ContentContainerName"];
        return string.IsNullOrWhiteSpace(configured) ? new SupportContentOptions() : new SupportContentOptions { ContainerName = configured.Trim() };
    }
}
