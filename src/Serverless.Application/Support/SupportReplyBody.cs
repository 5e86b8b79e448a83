namespace Serverless.Application.Support;

/// <summary>The JSON body of POST /api/support/replies.</summary>
public sealed record SupportReplyBody(string? ConversationId, string? UserId, string? Message, string? Locale);
