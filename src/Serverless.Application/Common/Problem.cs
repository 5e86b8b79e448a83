namespace Serverless.Application.Common;

/// <summary>RFC 7807 problem details, serialized by the hosts as <c>application/problem+json</c>.</summary>
public sealed record Problem
{
    public string Type { get; init; } = "about:blank";

    public required string Title { get; init; }

    public required int Status { get; init; }

    public string? Detail { get; init; }

    public string? Instance { get; init; }

    /// <summary>Field errors (extension member), keyed by field path.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    public static Problem Validation(IReadOnlyList<FieldError> errors, string? detail = null) => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        Title = "One or more fields are invalid.",
        Status = 400,
        Detail = detail ?? string.Join("; ", errors.Take(5).Select(e => $"{e.Field}: {e.Message}")),
        Errors = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
    };

    public static Problem NotFound(string detail) => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        Title = "Not found.",
        Status = 404,
        Detail = detail,
    };

    public static Problem Conflict(string detail) => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        Title = "Conflict.",
        Status = 409,
        Detail = detail,
    };

    public static Problem PayloadTooLarge(string field, string detail) => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        Title = "Payload too large.",
        Status = 413,
        Detail = detail,
        Errors = new Dictionary<string, string[]> { [field] = [detail] },
    };

    public static Problem UnsupportedMediaType(string detail) => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        Title = "Unsupported media type.",
        Status = 415,
        Detail = detail,
        Errors = new Dictionary<string, string[]> { ["Content-Type"] = [detail] },
    };

    public static Problem Unauthorized() => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        Title = "Unauthorized.",
        Status = 401,
        Detail = "A valid function key is required in the x-functions-key header or the code query parameter.",
    };

    public static Problem Unavailable(string detail) => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        Title = "Service unavailable.",
        Status = 503,
        Detail = detail,
    };
}
