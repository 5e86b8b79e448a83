namespace Serverless.Learning.Recommenders;

/// <summary>
/// One implicit-feedback observation: a user touched an item at a time with a strength (already weighted by event type
/// and, if wanted, time decay; see <see cref="InteractionWeighting"/>). Repeated observations of a pair are summed.
/// </summary>
public sealed record Interaction(string UserId, string ItemId, DateTimeOffset Timestamp, double Weight);
