namespace Serverless.Cli.Http;

/// <summary>Reported after each accepted batch and each retry.</summary>
public sealed record EventPostProgress(int Batches, int Events, int Retries);
