namespace Serverless.Learning.Classification;

/// <summary>A training or evaluation example: a text and its label.</summary>
public sealed record LabeledText(string Text, string Label);
