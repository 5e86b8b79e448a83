using Serverless.Learning.Classification;

namespace Serverless.Cli.Sentiment;

/// <summary>A labelled sentence and the file it came from (e.g. "amazon", "yelp").</summary>
internal sealed record SourcedExample(LabeledText Example, string Source);
