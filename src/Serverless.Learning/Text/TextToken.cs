namespace Serverless.Learning.Text;

/// <summary>One token of normalized text.</summary>
public readonly record struct TextToken(string Text, TokenScript Script);
