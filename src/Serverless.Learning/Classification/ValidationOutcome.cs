namespace Serverless.Learning.Classification;

/// <summary>One validation prediction: its confidence, whether its label was right, whether the example is out of scope.</summary>
public readonly record struct ValidationOutcome(double Confidence, bool IsCorrect, bool IsOutOfScope);
