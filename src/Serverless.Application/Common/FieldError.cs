namespace Serverless.Application.Common;

/// <summary>A validation error naming the offending field with a JSON path such as <c>events[3].lines[0].quantity</c>.</summary>
public sealed record FieldError(string Field, string Message);
