using System.Text;

namespace Serverless.Infrastructure.Storage;

/// <summary>
/// The Shared Key string-to-sign for the Blob and Queue services (version 2015-02-21 and later): verb, the twelve
/// standard headers, the canonicalized <c>x-ms-*</c> headers and the canonicalized resource.
/// </summary>
public static class SharedKeyStringToSign
{
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    /// <param name="accountName">The account the key belongs to.</param>
    /// <param name="method">HTTP verb.</param>
    /// <param name="uri">The request URI exactly as sent (escaped path; path-style URIs keep the account segment).</param>
    /// <param name="headers">Request headers (names compared case-insensitively).</param>
    /// <param name="contentLength">Body length when the body is not described by a Content-Length header.</param>
    public static string Build(
        string accountName, string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, long? contentLength = null)
    {
        var headerValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            headerValues[name] = value;
        }

        if (contentLength is { } length)
        {
            headerValues["Content-Length"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var builder = new StringBuilder(method.ToUpperInvariant()).Append('\n');
        foreach (var name in StandardHeaders)
        {
            var value = headerValues.GetValueOrDefault(name, string.Empty);
            // Since 2015-02-21 a zero Content-Length is signed as empty.
            if (name == "Content-Length" && value == "0")
            {
                value = string.Empty;
            }

            builder.Append(value).Append('\n');
        }

        foreach (var (name, value) in headerValues
            .Where(header => header.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(header => (Name: header.Key.ToLowerInvariant(), Value: header.Value.Trim()))
            .OrderBy(header => header.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var (name, values) in ParseQuery(uri.Query).OrderBy(parameter => parameter.Key, StringComparer.Ordinal))
        {
            values.Sort(StringComparer.Ordinal);
            builder.Append('\n').Append(name).Append(':').Append(string.Join(',', values));
        }

        return builder.ToString();
    }

    private static Dictionary<string, List<string>> ParseQuery(string query)
    {
        var parameters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(separator < 0 ? pair : pair[..separator]).ToLowerInvariant();
            var value = separator < 0 ? string.Empty : Uri.UnescapeDataString(pair[(separator + 1)..]);
            if (!parameters.TryGetValue(name, out var values))
            {
                parameters[name] = values = [];
            }

            values.Add(value);
        }

        return parameters;
    }
}
