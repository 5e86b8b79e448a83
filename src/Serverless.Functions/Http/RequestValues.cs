using System.Globalization;
using Microsoft.Azure.Functions.Worker.Http;
using Serverless.Application.Common;

namespace Serverless.Functions.Http;

/// <summary>Reads request headers and query parameters the handlers take as typed values.</summary>
internal static class RequestValues
{
    public static string? ContentType(HttpRequestData request) =>
        request.Headers.TryGetValues("Content-Type", out var values) ? string.Join(", ", values) : null;

    public static long? ContentLength(HttpRequestData request) =>
        request.Headers.TryGetValues("Content-Length", out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            : null;

    /// <summary>Null when absent; a problem naming the parameter when present but not one integer.</summary>
    public static bool TryGetInteger(HttpRequestData request, string name, out int? value, out Problem? problem)
    {
        value = null;
        problem = null;
        var values = request.Query.GetValues(name);
        if (values is null || values.All(string.IsNullOrEmpty))
        {
            return true;
        }

        if (values.Length == 1 && int.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = Problem.Validation([new FieldError(name, "must be a single integer.")]);
        return false;
    }

    public static string? NonEmpty(HttpRequestData request, string name) =>
        request.Query[name] is { Length: > 0 } text ? text : null;
}
