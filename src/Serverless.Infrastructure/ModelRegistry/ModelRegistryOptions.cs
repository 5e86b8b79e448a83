using Microsoft.Extensions.Configuration;

namespace Serverless.Infrastructure.ModelRegistry;

/// <summary>Where models and training data live in Blob storage (<c>ModelRegistry:*</c>).</summary>
public sealed class ModelRegistryOptions
{
    public const string SectionName = "ModelRegistry";

    /// <summary>The container of <c>{name}/{version}/...</c> and <c>{name}/current.json</c> (<c>ModelRegistry:ContainerName</c>).</summary>
    public string ContainerName { get; init; } = "models";

    /// <summary>The container of the retraining job's interaction snapshot (<c>ModelRegistry:TrainingContainerName</c>).</summary>
    public string TrainingContainerName { get; init; } = "training";

    public static ModelRegistryOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var defaults = new ModelRegistryOptions();
        return new ModelRegistryOptions
        {
            ContainerName = section["ContainerName"] is { Length: > 0 } container ? container.Trim() : defaults.ContainerName,
            TrainingContainerName = section["TrainingContainerName"] is { Length: > 0 } training ? training.Trim() : defaults.TrainingContainerName,
        };
    }
}
