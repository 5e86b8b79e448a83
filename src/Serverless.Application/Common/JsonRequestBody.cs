using System.Net.Http.Headers;

namespace Serverless.Application.Common;

/// <summary>What every handler that takes a JSON body checks first: the media type, and the size as the bytes arrive.</summary>
internal static class JsonRequestBody
{
    /// <summary><c>application/json</c>, in UTF-8 when a charset is given.</summary>
    public static bool IsJson(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        return string.Equals(mediaType.MediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            && (mediaType.CharSet is null || string.Equals(mediaType.CharSet.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (the Content-Length header may be absent or wrong).</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
