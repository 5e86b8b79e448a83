namespace Serverless.Learning.Classification;

/// <summary>One label and its calibrated probability.</summary>
public readonly record struct IntentCandidate(string Label, double Probability);
