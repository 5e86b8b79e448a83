namespace Serverless.Learning.Classification;

/// <summary>
/// What the intent classifier says about one text: the best label, its calibrated probability, whether that is
/// below the out-of-scope threshold, and the runners-up (best first, including the winner).
/// </summary>
public sealed record IntentPrediction(
    string Label, double Confidence, bool IsOutOfScope, IReadOnlyList<IntentCandidate> Candidates);
