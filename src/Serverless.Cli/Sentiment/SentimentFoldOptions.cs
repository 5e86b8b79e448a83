using System.CommandLine;
using Serverless.Cli.Intents;
using Serverless.Learning.Classification;

namespace Serverless.Cli.Sentiment;

/// <summary>
/// The options the sentiment commands read their sentences and cross-validation folds with (<c>--file</c>,
/// <c>--datasets</c>, <c>--folds</c>, <c>--seed</c>), and the one fold assignment they use: stratified by source and label.
/// </summary>
internal sealed class SentimentFoldOptions
{
    public Option<FileInfo> File { get; } = new Option<FileInfo>("--file")
    {
        Description = "A sentence<TAB>0|1 file (default: the UCI amazon and yelp files in shared/datasets).",
    }.AcceptExistingOnly();

    public Option<DirectoryInfo> Datasets { get; } = new Option<DirectoryInfo>("--datasets")
    {
        Description = "The shared datasets folder (default: shared/datasets found above the current directory).",
    }.AcceptExistingOnly();

    public Option<int> Folds { get; } = new Option<int>("--folds")
    {
        Description = "Number of cross-validation folds.",
        DefaultValueFactory = _ => 10,
    }.InRange(2, 100);

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Seed of the fold assignment.",
        DefaultValueFactory = _ => 42,
    };

    public IReadOnlyList<Option> All => [File, Datasets, Folds, Seed];

    /// <summary>The sentences of <c>--file</c>, else the UCI files under the datasets folder.</summary>
    public List<SourcedExample> ReadRows(ParseResult parseResult) =>
        parseResult.GetValue(File) is { } file
            ? SentimentDatasets.ReadTabSeparated(file.FullName, Path.GetFileNameWithoutExtension(file.Name))
            : SentimentDatasets.Uci(DatasetsFolder(parseResult));

    public string DatasetsFolder(ParseResult parseResult) => TextDatasets.DatasetsFolder(parseResult.GetValue(Datasets));

    /// <summary>Each row's fold, stratified by source and label (one assignment for the whole set and each source).</summary>
    public int[] Assign(IReadOnlyList<SourcedExample> rows, ParseResult parseResult) =>
        StratifiedSampling.Folds(rows.Select(r => r.Source + "/" + r.Example.Label).ToList(), parseResult.GetValue(Folds), parseResult.GetValue(Seed));
}
