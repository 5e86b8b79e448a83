namespace Serverless.Application.Training;

/// <summary>The promotion gate's answer and its reason in words (recorded in the manifest).</summary>
public sealed record PromotionVerdict(bool Promote, string Reason);
