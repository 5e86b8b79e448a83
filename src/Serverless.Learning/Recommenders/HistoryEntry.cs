namespace Serverless.Learning.Recommenders;

/// <summary>A history item resolved to the model's item index, duplicates summed.</summary>
internal readonly record struct HistoryEntry(int Item, float Weight);
