using Serverless.Learning.Recommenders;

namespace Serverless.Learning.Evaluation;

/// <summary>A test user: their training history (summed weights) and the items they touched after the cutoff that are new to them.</summary>
public sealed record EvaluationUser(string UserId, IReadOnlyList<WeightedItem> History, IReadOnlySet<string> Relevant);
