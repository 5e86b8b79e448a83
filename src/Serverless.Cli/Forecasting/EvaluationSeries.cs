namespace Serverless.Cli.Forecasting;

/// <summary>One series to evaluate: its id and its values, oldest first (training and hold-out together).</summary>
internal sealed record EvaluationSeries(string Id, double[] Values);
