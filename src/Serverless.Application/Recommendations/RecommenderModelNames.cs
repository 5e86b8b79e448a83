namespace Serverless.Application.Recommendations;

/// <summary>The recommender's name in the model registry and the files of each of its versions.</summary>
public static class RecommenderModelNames
{
    public const string Recommender = "recommender";

    /// <summary>The <see cref="PopularityIndex"/> published beside <c>model.bin</c>.</summary>
    public const string PopularityFileName = "popularity.json";
}
