namespace Serverless.Infrastructure.Tests.Storage;

/// <summary>Container and queue names no other test uses (lowercase letters, digits and '-', 3 to 63 characters).</summary>
internal static class StorageTestNames
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 63)];
}
