namespace Serverless.Learning.Text;

/// <summary>A sparse feature vector: strictly increasing column indices and their values.</summary>
public sealed class SparseVector
{
    public SparseVector(int[] indices, float[] values)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(values);
        if (indices.Length != values.Length)
        {
            throw new ArgumentException("Indices and values must have the same length.", nameof(values));
        }

        for (var i = 1; i < indices.Length; i++)
        {
            if (indices[i] <= indices[i - 1])
            {
                throw new ArgumentException("Indices must be strictly increasing.", nameof(indices));
            }
        }

        Indices = indices;
        Values = values;
    }

    public static SparseVector Empty { get; } = new([], []);

    public int[] Indices { get; }

    public float[] Values { get; }

    public int Count => Indices.Length;
}
