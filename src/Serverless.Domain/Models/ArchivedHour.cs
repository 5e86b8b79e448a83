namespace Serverless.Domain.Models;

/// <summary>An hour partition of the event archive that holds data, with the time its newest blob was last written.</summary>
public sealed record ArchivedHour(DateTimeOffset Hour, DateTimeOffset LastModified);
