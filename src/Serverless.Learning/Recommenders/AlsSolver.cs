namespace Serverless.Learning.Recommenders;

/// <summary>How <see cref="ImplicitAlsTrainer"/> solves each user's and item's least-squares problem.</summary>
public enum AlsSolver
{
    /// <summary>A few conjugate-gradient steps warm-started from the previous factor (Takács et al. 2011): fast, approximate.</summary>
    ConjugateGradient,

    /// <summary>Exact solve through a Cholesky factorization (Hu, Koren and Volinsky 2008): slower for many factors.</summary>
    Cholesky,
}
