namespace Serverless.Application.Training;

/// <summary>The trainer the retraining job fits (setting <c>Recommendations:Training:Trainer</c>).</summary>
public enum RecommenderTrainerKind
{
    /// <summary>Time-decayed popularity: the same list for everyone (a baseline).</summary>
    Popularity,

    /// <summary>Item-to-item similarity (cosine or BM25-weighted co-occurrence).</summary>
    ItemKnn,

    /// <summary>Implicit ALS (Hu, Koren and Volinsky 2008).</summary>
    ImplicitAls,

    /// <summary>EASE (Steck 2019), for catalogs up to tens of thousands of items.</summary>
    Ease,

    /// <summary>A blend of <see cref="RecommenderTrainingOptions.BlendComponents"/>, weights chosen on a validation split.</summary>
    Blend,
}
