namespace Serverless.Learning.Forecasting.Optimization;

/// <summary>The best point found, its value, the evaluations spent and whether the tolerance was reached.</summary>
public sealed record NelderMeadResult(double[] Point, double Value, int Evaluations, bool Converged);
