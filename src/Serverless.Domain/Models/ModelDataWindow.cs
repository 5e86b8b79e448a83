namespace Serverless.Domain.Models;

/// <summary>A time range of interactions, <c>From &lt;= timestamp &lt;= To</c> (the earliest and latest ones used).</summary>
public sealed record ModelDataWindow(DateTimeOffset From, DateTimeOffset To);
