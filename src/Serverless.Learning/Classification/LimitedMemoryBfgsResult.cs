namespace Serverless.Learning.Classification;

/// <summary>How an L-BFGS run ended: the objective's final value, iterations, objective evaluations, convergence.</summary>
public sealed record LimitedMemoryBfgsResult(double Objective, int Iterations, int Evaluations, bool Converged);
