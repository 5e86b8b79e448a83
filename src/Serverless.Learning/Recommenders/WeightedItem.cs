namespace Serverless.Learning.Recommenders;

/// <summary>An item in a user's history with its interaction strength (the same scale as <see cref="Interaction.Weight"/>).</summary>
public sealed record WeightedItem(string ItemId, double Weight);
