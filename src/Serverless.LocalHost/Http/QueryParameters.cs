using System.Globalization;
using Serverless.Application.Common;

namespace Serverless.LocalHost.Http;

/// <summary>Reads typed query parameters, answering a problem that names the parameter when one is malformed.</summary>
public static class QueryParameters
{
    /// <summary>Null when absent; a problem when present but not an integer (range checks stay with the handler).</summary>
    public static bool TryGetInteger(IQueryCollection query, string name, out int? value, out Problem? problem)
    {
        value = null;
        problem = null;
        if (!query.TryGetValue(name, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return true;
        }

        if (values.Count == 1 && int.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = Problem.Validation([new FieldError(name, "must be a single integer.")]);
        return false;
    }
}
