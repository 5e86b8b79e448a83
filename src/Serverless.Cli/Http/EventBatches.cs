using System.Text.Json;
using Serverless.Domain.Events;
using Serverless.Domain.Json;

namespace Serverless.Cli.Http;

/// <summary>Cuts a stream of events into request bodies: at most N events and at most M bytes of JSON array each.</summary>
internal static class EventBatches
{
    /// <summary>Each batch is the events serialized with <see cref="DomainJson.Options"/>, one byte array per event.</summary>
    public static IEnumerable<IReadOnlyList<byte[]>> Split(
        IEnumerable<BehaviorEvent> events, int batchSize, int maxBodyBytes, CancellationToken cancellationToken)
    {
        var batch = new List<byte[]>(batchSize);
        var bodyBytes = 2L; // the array brackets
        foreach (var item in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var json = JsonSerializer.SerializeToUtf8Bytes(item, DomainJson.Options);
            var added = json.Length + (batch.Count > 0 ? 1 : 0);
            if (batch.Count > 0 && (batch.Count >= batchSize || bodyBytes + added > maxBodyBytes))
            {
                yield return batch;
                batch = new List<byte[]>(batchSize);
                bodyBytes = 2;
                added = json.Length;
            }

            // An event larger than the limit on its own is still sent alone: the server's 413 then names the problem.
            batch.Add(json);
            bodyBytes += added;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    public static byte[] ToJsonArray(IReadOnlyList<byte[]> items)
    {
        var length = 2 + items.Sum(i => i.Length) + Math.Max(0, items.Count - 1);
        var body = new byte[length];
        var position = 0;
        body[position++] = (byte)'[';
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                body[position++] = (byte)',';
            }

            items[i].CopyTo(body, position);
            position += items[i].Length;
        }

        body[position] = (byte)']';
        return body;
    }
}
