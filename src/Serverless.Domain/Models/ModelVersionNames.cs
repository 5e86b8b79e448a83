using System.Globalization;
using System.Text.RegularExpressions;

namespace Serverless.Domain.Models;

/// <summary>
/// Model and version names: 1-64 lower-case letters, digits, '-', '_' or '.', not starting with '.' or '_' (so they are
/// safe as blob path segments and never collide with the registry's own files). Versions sort by creation time.
/// </summary>
public static partial class ModelVersionNames
{
    /// <summary>
    /// A new version name, <c>yyyyMMdd-HHmmss-fff-xxxx</c> in UTC with a random suffix, so names sort by creation time
    /// and two runs in the same millisecond still differ.
    /// </summary>
    public static string NewVersion(DateTimeOffset createdAt, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return createdAt.UtcDateTime.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture) + "-" +
            random.Next(0, 0x10000).ToString("x4", CultureInfo.InvariantCulture);
    }

    /// <summary>Null when <paramref name="name"/> is a valid model or version name, else why not.</summary>
    public static string? Check(string? name) =>
        string.IsNullOrEmpty(name) ? "is required."
        : NamePattern().IsMatch(name) ? null
        : "must be 1 to 64 lower-case letters, digits, '-', '_' or '.', not starting with '.' or '_'.";

    [GeneratedRegex("^[a-z0-9-][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
