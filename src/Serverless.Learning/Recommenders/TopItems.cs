namespace Serverless.Learning.Recommenders;

/// <summary>Partial selection of the highest scores with a bounded min-heap; ties go to the lower item index.</summary>
internal static class TopItems
{
    /// <summary>
    /// The indexes of the <paramref name="count"/> best candidates in descending score order. The exclusion predicate
    /// is only asked about items that would enter the heap, so an expensive filter costs little on a large catalog.
    /// </summary>
    public static int[] Select(
        ReadOnlySpan<float> scores, int count, Func<float, bool> isCandidate, Func<int, bool>? exclude)
    {
        if (count <= 0)
        {
            return [];
        }

        var heap = new PriorityQueue<int, (float Score, int NegativeIndex)>(Math.Min(count, scores.Length) + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            var score = scores[i];
            if (heap.Count == count)
            {
                heap.TryPeek(out _, out var worst);
                // Equal score: the earlier index already in the heap wins.
                if (score <= worst.Score)
                {
                    continue;
                }
            }

            if (!isCandidate(score) || (exclude is not null && exclude(i)))
            {
                continue;
            }

            if (heap.Count == count)
            {
                heap.EnqueueDequeue(i, (score, -i));
            }
            else
            {
                heap.Enqueue(i, (score, -i));
            }
        }

        var result = new int[heap.Count];
        for (var r = result.Length - 1; r >= 0; r--)
        {
            result[r] = heap.Dequeue();
        }

        return result;
    }
}
