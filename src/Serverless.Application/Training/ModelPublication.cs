namespace Serverless.Application.Training;

/// <summary>What <see cref="ModelPublisher"/> did: the outcome, its reason, the version now current and the versions deleted.</summary>
public sealed record ModelPublication(RetrainOutcome Outcome, string Reason, string? CurrentVersion, IReadOnlyList<string> DeletedVersions);
