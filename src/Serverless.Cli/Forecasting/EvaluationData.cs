namespace Serverless.Cli.Forecasting;

/// <summary>The series of an evaluation, their seasonal period and a one-line description of how they were built.</summary>
internal sealed record EvaluationData(string Name, string Description, IReadOnlyList<EvaluationSeries> Series, int SeasonalPeriod);
