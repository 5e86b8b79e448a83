namespace Serverless.Infrastructure.Storage;

/// <summary>Conditions for an append block.</summary>
/// <param name="MaxSize">Fail (412 MaxBlobSizeConditionNotMet) if the blob would grow beyond this many bytes.</param>
/// <param name="AppendPosition">Fail (412 AppendPositionConditionNotMet) unless the blob is exactly this long now.</param>
/// <param name="IfMatch">Fail (412 ConditionNotMet) unless the blob still has this ETag.</param>
public sealed record AppendBlockConditions(long? MaxSize = null, long? AppendPosition = null, string? IfMatch = null);
