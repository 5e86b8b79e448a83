using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Serverless.Learning.Classification;

namespace Serverless.Cli.Intents;

/// <summary>
/// Readers of the labelled text datasets (read in place from shared/datasets, never copied) and of text,label CSV files.
/// </summary>
internal static class TextDatasets
{
    public const string OutOfScopeLabel = "oos";

    /// <summary>The Chinese utterance set written for this project, relative to the repository root.</summary>
    public static readonly string ChineseIntentsRelativePath = Path.Combine("data", "intents", "zh", "bitext-intents-zh.csv");

    /// <summary>The folder holding <paramref name="relative"/> above the current directory or the tool's folder.</summary>
    public static string? FindAbove(string relative)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate) || File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static string DatasetsFolder(DirectoryInfo? given) =>
        given?.FullName ?? FindAbove(Path.Combine("shared", "datasets"))
        ?? throw new IOException("shared/datasets not found above the current directory; pass --datasets.");

    public static string RepositoryFile(string relative) =>
        FindAbove(relative) ?? throw new IOException($"{relative} not found above the current directory or the tool.");

    /// <summary>A CSV with a header naming a text column and a label column (RFC 4180 quoting, UTF-8).</summary>
    public static List<LabeledText> ReadLabeled(string path, string textColumn = "text", string labelColumn = "label")
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = true });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            throw new InvalidDataException($"{path}: empty file, expected a header with '{textColumn}' and '{labelColumn}'.");
        }

        var header = csv.HeaderRecord;
        if (!header.Contains(textColumn) || !header.Contains(labelColumn))
        {
            throw new InvalidDataException($"{path}: the header must name the columns '{textColumn}' and '{labelColumn}' (found {string.Join(",", header)}).");
        }

        var rows = new List<LabeledText>();
        while (csv.Read())
        {
            var text = csv.GetField(textColumn) ?? string.Empty;
            var label = csv.GetField(labelColumn)?.Trim() ?? string.Empty;
            if (label.Length == 0)
            {
                throw new InvalidDataException($"{path}: row {csv.Parser.Row} has no label.");
            }

            rows.Add(new LabeledText(text, label));
        }

        return rows;
    }

    public static void WriteLabeled(string path, IEnumerable<LabeledText> rows)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("text");
        csv.WriteField("label");
        csv.NextRecord();
        foreach (var row in rows)
        {
            csv.WriteField(row.Text);
            csv.WriteField(row.Label);
            csv.NextRecord();
        }
    }

    public static (List<LabeledText> Train, List<LabeledText> Test) Banking77(string datasets)
    {
        var folder = Path.Combine(datasets, "banking77");
        return (ReadLabeled(Path.Combine(folder, "train.csv"), "text", "category"),
            ReadLabeled(Path.Combine(folder, "test.csv"), "text", "category"));
    }

    /// <summary>CLINC150 "full": train, validation and test, each with its out-of-scope part labelled <see cref="OutOfScopeLabel"/>.</summary>
    public static (List<LabeledText> Train, List<LabeledText> Validation, List<LabeledText> Test) Clinc150(string datasets)
    {
        using var file = File.OpenRead(Path.Combine(datasets, "clinc150", "data_full.json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var document = JsonDocument.Parse(gzip);
        List<LabeledText> Part(string name) =>
            document.RootElement.GetProperty(name).EnumerateArray()
                .Select(pair => new LabeledText(pair[0].GetString() ?? string.Empty, pair[1].GetString() ?? string.Empty)).ToList();
        return ([.. Part("train"), .. Part("oos_train")], [.. Part("val"), .. Part("oos_val")], [.. Part("test"), .. Part("oos_test")]);
    }

    /// <summary>The Bitext intents (instruction, intent): 26,872 rows without an official split.</summary>
    public static List<LabeledText> Bitext(string datasets) =>
        ReadLabeled(Path.Combine(datasets, "bitext_customer_support_intents", "bitext_customer_support_intents.csv"), "instruction", "intent");

    /// <summary>A seeded, label-stratified split into training and test rows.</summary>
    public static (List<LabeledText> Train, List<LabeledText> Test) Split(IReadOnlyList<LabeledText> rows, double testFraction, int seed)
    {
        var (train, test) = StratifiedSampling.Split(rows.Select(r => r.Label).ToList(), testFraction, seed);
        return (train.Select(i => rows[i]).ToList(), test.Select(i => rows[i]).ToList());
    }

    /// <summary>Non-empty lines of a UTF-8 text file, one text each.</summary>
    public static List<string> ReadLines(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).ToList();
}
