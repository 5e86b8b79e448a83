namespace Serverless.Domain.Segments;

/// <summary>A named segment: kebab-case id, display name and the rule that puts a user in it, in words.</summary>
public sealed record SegmentDefinition(string Id, string Name, string Rule);
