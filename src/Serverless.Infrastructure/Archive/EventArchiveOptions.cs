using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Serverless.Infrastructure.Archive;

/// <summary>Settings of the Blob event archive (<c>Archive:*</c>).</summary>
public sealed partial class EventArchiveOptions
{
    public const long DefaultMaxBlobBytes = 64L * 1024 * 1024;

    /// <summary>Blob container holding the archive.</summary>
    public string ContainerName { get; init; } = "archive";

    /// <summary>
    /// Names this host instance's blobs, so instances never append to each other's files
    /// (<c>Archive:WriterId</c>, default machine name + process id). Characters other than letters, digits, '.', '_' and '-' become '_'.
    /// </summary>
    public string WriterId { get; init; } = DefaultWriterId();

    /// <summary>A blob that reaches this size is closed and the writer moves on to the next one (<c>Archive:MaxBlobBytes</c>).</summary>
    public long MaxBlobBytes { get; init; } = DefaultMaxBlobBytes;

    public static EventArchiveOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Archive");
        var maxBlobBytes = DefaultMaxBlobBytes;
        if (section["MaxBlobBytes"] is { Length: > 0 } text
            && (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out maxBlobBytes) || maxBlobBytes <= 0))
        {
            throw new InvalidOperationException($"Archive:MaxBlobBytes must be a positive number of bytes, not '{text}'.");
        }

        return new EventArchiveOptions
        {
            WriterId = section["WriterId"] is { Length: > 0 } writerId ? Sanitize(writerId) : DefaultWriterId(),
            MaxBlobBytes = maxBlobBytes,
        };
    }

    private static string DefaultWriterId() =>
        Sanitize($"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");

    private static string Sanitize(string writerId) => UnsafeCharacters().Replace(writerId.Trim(), "_");

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeCharacters();
}
