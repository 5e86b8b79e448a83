namespace Serverless.Application.Support;

/// <summary>The customer-service assistant's settings (section <c>Support</c>), validated at start-up.</summary>
public sealed class SupportOptions
{
    public const string SectionName = "Support";

    /// <summary>A message longer than this (in characters) is refused with 400. Default 2000.</summary>
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Below this intent confidence the conversation goes to a person. Default 0.35.</summary>
    public double MinimumConfidence { get; set; } = 0.35;

    /// <summary>At or below this sentiment (in [-1, 1]) the conversation goes to a person. Default -0.6.</summary>
    public double HandoffSentiment { get; set; } = -0.6;

    /// <summary>Days after the order date during which items can be returned or refunded. Default 30.</summary>
    public int ReturnWindowDays { get; set; } = 30;

    /// <summary>A knowledge passage needs at least this BM25 score to be an answer. Default 1.0.</summary>
    public double MinimumKnowledgeScore { get; set; } = 1.0;

    /// <summary>How many products a catalog search or a recommendation reply lists. Default 3.</summary>
    public int ProductsPerReply { get; set; } = 3;

    /// <summary>The Bitext customer-support intents CSV (instruction,intent); unset: only the repository's and the shop's utterances.</summary>
    public string? TrainingDataPath { get; set; }

    /// <summary>At most this many Bitext rows per intent (0 = all): small in tests, 0 in production.</summary>
    public int TrainingSamplePerIntent { get; set; }

    /// <summary>
    /// The folder of the shipped utterance sets (<c>data/intents</c>: <c>zh/bitext-intents-zh.csv</c> and
    /// <c>support-extra.csv</c>); unset: found above the working directory or the application folder.
    /// </summary>
    public string? UtterancesPath { get; set; }

    /// <summary>UCI sentiment sentences folder (sentence TAB 0|1 files) to train the sentiment model; unset: lexicon only.</summary>
    public string? SentimentDataPath { get; set; }

    /// <summary>Markdown articles copied into the knowledge base when it is empty (e.g. docs/knowledge); unset: no seeding.</summary>
    public string? KnowledgeSeedPath { get; set; }

    /// <summary>How often the knowledge base and the intent model pointer are checked for changes. Default 300 s.</summary>
    public double RefreshSeconds { get; set; } = 300;

    /// <summary>Off (default): template replies only. Rephrase: an IChatClient, when registered, rewords the grounded reply.</summary>
    public ReplyGeneration Generation { get; set; } = ReplyGeneration.Off;

    /// <summary>
    /// A conversation keeps at most this many turns, the oldest dropped first, so that its document stays far below the
    /// Cosmos DB item size limit. Default 100.
    /// </summary>
    public int MaxStoredTurns { get; set; } = 100;

    /// <summary>
    /// A hand-off message carries the last this many turns, so that it stays within the Storage queue message limit
    /// (64 KiB); the person taking over reads the rest through GET /api/support/conversations/{id}. Default 10.
    /// </summary>
    public int HandoffTranscriptTurns { get; set; } = 10;

    /// <summary>Versions of the intent classifier kept in the model registry (the current one always). Default 5.</summary>
    public int KeepVersions { get; set; } = 5;

    /// <summary>Seed of the classifier's validation split.</summary>
    public int Seed { get; set; } = 42;

    public TimeSpan ReturnWindow => TimeSpan.FromDays(ReturnWindowDays);

    public TimeSpan RefreshInterval => TimeSpan.FromSeconds(RefreshSeconds);
}
