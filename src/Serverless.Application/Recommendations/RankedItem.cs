namespace Serverless.Application.Recommendations;

/// <summary>An item of a popularity list with its (time-decayed, weighted) interaction score.</summary>
public sealed record RankedItem(string ItemId, double Score);
