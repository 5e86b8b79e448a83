using Serverless.Learning.Evaluation;

namespace Serverless.Cli.Recommendations;

/// <summary>One line of the <c>recs evaluate</c> table: a trainer or a peer with its metrics and training cost.</summary>
internal sealed record EvaluationRow(string Name, string Configuration, RecommenderMetrics Metrics, double TrainSeconds, double PeakMebibytes);
