using System.Buffers.Text;
using System.Text;

namespace Serverless.Application.Segments;

/// <summary>
/// Continuation tokens travel in query strings as base64url of the store's own token, so clients see an opaque,
/// URL-safe string and a tampered one is recognised before it reaches the store.
/// </summary>
public static class ContinuationTokenCodec
{
    public static string? Encode(string? storeToken) =>
        storeToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(storeToken));

    /// <summary>The store's token, or null when <paramref name="token"/> is not one this API issued.</summary>
    public static string? TryDecode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
