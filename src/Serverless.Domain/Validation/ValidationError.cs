namespace Serverless.Domain.Validation;

/// <summary>
/// A rule a message breaks, with the path of the offending field relative to the message (<c>lines[0].quantity</c>).
/// The Application layer maps it to its HTTP <c>FieldError</c> (Domain cannot reference Application).
/// </summary>
public sealed record ValidationError(string Field, string Message);
