namespace Serverless.Domain.Ports;

/// <summary>A stored document together with the ETag that a conditional write must present.</summary>
public sealed record Versioned<T>(T Value, string ETag);
