using Serverless.Testing;

namespace Serverless.Application.Tests.Support;

/// <summary>
/// Settings for the support assistant in tests: a small Bitext sample read in place (100 rows per intent) plus the
/// shipped Chinese and extra sets, the UCI sentiment sentences, and the knowledge base seeded from docs/knowledge.
/// </summary>
public static class SupportTestSettings
{
    public static Dictionary<string, string?> Create(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Support:TrainingDataPath"] = Path.Combine(RepositoryRoot.Datasets, "bitext_customer_support_intents", "bitext_customer_support_intents.csv"),
            ["Support:TrainingSamplePerIntent"] = "100",
            ["Support:UtterancesPath"] = Path.Combine(RepositoryRoot.Path, "data", "intents"),
            ["Support:SentimentDataPath"] = Path.Combine(RepositoryRoot.Datasets, "uci_sentiment_labelled_sentences"),
            ["Support:KnowledgeSeedPath"] = Path.Combine(RepositoryRoot.Path, "docs", "knowledge"),
            ["Recommendations:CatalogRefreshSeconds"] = "0",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
