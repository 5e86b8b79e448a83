namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// Whether a Cosmos DB indexing policy indexes a document path: the most specific matching included or excluded path
/// wins (as in Cosmos DB), where <c>/a/?</c> matches the scalar at /a, <c>/a/*</c> everything under /a and <c>/*</c> all.
/// </summary>
public static class CosmosIndexCoverage
{
    /// <param name="documentPath">A property path as queries name it, without the <c>c.</c>: <c>segmentId</c>, <c>address.city</c>.</param>
    public static bool IsIndexed(string documentPath, IReadOnlyList<string> includedPaths, IReadOnlyList<string> excludedPaths)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentPath);
        ArgumentNullException.ThrowIfNull(includedPaths);
        ArgumentNullException.ThrowIfNull(excludedPaths);
        var scalar = "/" + documentPath.Replace('.', '/');
        var best = includedPaths.Select(p => (Path: p, Included: true))
            .Concat(excludedPaths.Select(p => (Path: p, Included: false)))
            .Where(p => Matches(p.Path, scalar))
            .OrderByDescending(p => p.Path.Length)
            .FirstOrDefault();
        return best.Path is not null && best.Included;
    }

    private static bool Matches(string pattern, string scalar)
    {
        if (pattern.EndsWith("/?", StringComparison.Ordinal))
        {
            return string.Equals(pattern[..^2], scalar, StringComparison.Ordinal);
        }

        if (pattern.EndsWith("/*", StringComparison.Ordinal))
        {
            var prefix = pattern[..^2];
            return prefix.Length == 0 || scalar == prefix || scalar.StartsWith(prefix + "/", StringComparison.Ordinal);
        }

        throw new FormatException($"Indexing path '{pattern}' must end with '/?' or '/*'.");
    }
}
