namespace Serverless.Learning.Recommenders;

/// <summary>Input checks shared by the trainers.</summary>
internal static class TrainingData
{
    public static InteractionMatrix Build(IReadOnlyList<Interaction> interactions, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(interactions, parameterName);
        if (interactions.Count == 0)
        {
            throw new ArgumentException("At least one interaction is needed to train.", parameterName);
        }

        var matrix = InteractionMatrix.Build(interactions, parameterName);
        if (matrix.NonZeroCount == 0)
        {
            throw new ArgumentException("Every interaction has weight zero; nothing to learn from.", parameterName);
        }

        return matrix;
    }

    public static int Parallelism(int? configured) => configured ?? Environment.ProcessorCount;
}
