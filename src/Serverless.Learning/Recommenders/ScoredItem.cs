namespace Serverless.Learning.Recommenders;

/// <summary>
/// A recommended item. <paramref name="BecauseOfItemId"/> is the history item that contributed most to the score (for
/// "because you viewed ..." reasons); null when the model does not use the history (popularity).
/// </summary>
public sealed record ScoredItem(string ItemId, double Score, string? BecauseOfItemId);
