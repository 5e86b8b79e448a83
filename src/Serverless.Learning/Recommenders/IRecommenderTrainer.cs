namespace Serverless.Learning.Recommenders;

/// <summary>A trainer that turns implicit feedback into an immutable <see cref="RecommenderModel"/>.</summary>
public interface IRecommenderTrainer
{
    /// <summary>The <see cref="RecommenderModel.Kind"/> of the models this trainer produces.</summary>
    string Kind { get; }

    /// <summary>Trains on <paramref name="interactions"/> (order does not matter; repeated user-item pairs are summed).</summary>
    RecommenderModel Fit(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default);
}
