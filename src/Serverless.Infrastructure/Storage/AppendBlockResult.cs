namespace Serverless.Infrastructure.Storage;

/// <summary>Where an appended block landed.</summary>
/// <param name="AppendOffset">Byte offset at which the block was written.</param>
/// <param name="CommittedBlockCount">Blocks in the blob after this append.</param>
public sealed record AppendBlockResult(string ETag, DateTimeOffset LastModified, long AppendOffset, int CommittedBlockCount);
