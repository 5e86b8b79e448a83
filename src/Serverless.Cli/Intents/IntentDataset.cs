namespace Serverless.Cli.Intents;

/// <summary>The intent benchmarks <c>intents evaluate --dataset</c> knows (read from shared/datasets).</summary>
internal enum IntentDataset
{
    /// <summary>BANKING77: official train (10,003) / test (3,080).</summary>
    Banking77,

    /// <summary>CLINC150 full: train, validation (threshold and calibration) and test, with out-of-scope queries.</summary>
    Clinc150,

    /// <summary>Bitext customer-support intents (seeded stratified 80/20 split) plus the project's Chinese set (same split).</summary>
    Bitext,
}
