namespace Serverless.Cli.Recommendations;

/// <summary>The trainers the <c>recs</c> commands can run.</summary>
internal enum RecommenderTrainerChoice
{
    Popularity,
    ItemKnnCosine,
    ItemKnnBm25,
    Als,
    Ease,
    Blend,
}
