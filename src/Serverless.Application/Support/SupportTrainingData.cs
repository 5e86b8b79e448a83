using Microsoft.Extensions.Options;
using Serverless.Domain.Ports;
using Serverless.Learning.Classification;

namespace Serverless.Application.Support;

/// <summary>
/// The intent classifier's training data: Bitext (<c>Support:TrainingDataPath</c>, at most
/// <c>Support:TrainingSamplePerIntent</c> rows per intent, read in place), the utterance sets shipped in the repository
/// (<c>data/intents/zh/bitext-intents-zh.csv</c>, <c>data/intents/support-extra.csv</c>) and the shop's labelled
/// utterances in Blob storage (<c>utterances/*.csv</c>).
/// </summary>
public sealed class SupportTrainingData(IOptions<SupportOptions> options, ISupportContentStore content)
{
    public static readonly string ChineseSet = Path.Combine("zh", "bitext-intents-zh.csv");
    public const string ExtraSet = "support-extra.csv";

    private readonly SupportOptions _options = options.Value;

    public async Task<IReadOnlyList<LabeledText>> LoadAsync(CancellationToken cancellationToken)
    {
        var rows = new List<LabeledText>();
        if (!string.IsNullOrWhiteSpace(_options.TrainingDataPath))
        {
            var bitext = LabelledCsv.Read(_options.TrainingDataPath, "instruction", "intent");
            rows.AddRange(_options.TrainingSamplePerIntent > 0
                ? bitext.GroupBy(r => r.Label, StringComparer.Ordinal).SelectMany(g => Sample(g.ToList(), _options.TrainingSamplePerIntent))
                : bitext);
        }

        var folder = UtterancesFolder(_options.UtterancesPath)
            ?? throw new InvalidOperationException("The shipped utterance sets (data/intents) were not found; set Support:UtterancesPath.");
        rows.AddRange(LabelledCsv.Read(Path.Combine(folder, ChineseSet)));
        rows.AddRange(LabelledCsv.Read(Path.Combine(folder, ExtraSet)));
        foreach (var (_, csv) in await content.ListUtteranceFilesAsync(cancellationToken))
        {
            rows.AddRange(LabelledCsv.Parse(csv));
        }

        return rows;
    }

    /// <summary>The configured folder, else <c>data/intents</c> above the working directory or the application folder.</summary>
    public static string? UtterancesFolder(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var relative = Path.Combine("data", "intents");
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(Path.Combine(candidate, ExtraSet)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Evenly spaced rows (deterministic, covers the whole file's variety rather than its first lines).</summary>
    private static IEnumerable<LabeledText> Sample(List<LabeledText> rows, int count)
    {
        if (rows.Count <= count)
        {
            return rows;
        }

        var step = (double)rows.Count / count;
        return Enumerable.Range(0, count).Select(i => rows[(int)(i * step)]);
    }
}
