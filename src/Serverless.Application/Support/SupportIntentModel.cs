using Serverless.Learning.Classification;

namespace Serverless.Application.Support;

/// <summary>The intent classifier serving replies: the registry version it came from (null when trained at start-up).</summary>
public sealed record SupportIntentModel(IntentClassifierModel Classifier, string? Version, string Source);
