namespace Serverless.Cli.Http;

/// <summary>What a finished <see cref="EventPoster.PostAsync"/> sent.</summary>
public sealed record EventPostReport(int Batches, int Events, int Accepted, int Retries, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Events / Elapsed.TotalSeconds : 0;
}
