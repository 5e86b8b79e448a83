namespace Serverless.Learning.Recommenders;

/// <summary>Which matrix <see cref="EaseTrainer"/> learns from.</summary>
public enum EaseInput
{
    /// <summary>1 where a user touched an item, as in Steck (2019).</summary>
    Binary,

    /// <summary>The summed interaction weights.</summary>
    Weighted,
}
