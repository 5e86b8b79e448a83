using System.Security.Cryptography;
using System.Text;

namespace Serverless.LocalHost.Http;

/// <summary>
/// The key every route but the anonymous ones requires, as the Functions host does for AuthorizationLevel.Function.
/// Compared through SHA-256 digests in constant time, so neither the content nor the length of the key leaks.
/// </summary>
public sealed class FunctionKey
{
    public const string HeaderName = "x-functions-key";

    public const string QueryName = "code";

    /// <summary>Short keys are refused: a local key still guards data on the developer's machine.</summary>
    public const int MinimumLength = 16;

    private readonly byte[] _digest;

    public FunctionKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Trim().Length < MinimumLength)
        {
            throw new ArgumentException($"A function key must have at least {MinimumLength} characters.", nameof(key));
        }

        _digest = SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    public bool Matches(string? presented) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(_digest, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
