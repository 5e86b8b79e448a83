namespace Serverless.Cli.Recommendations;

/// <summary>One Python peer's run: its label, fit time (median of its runs), peak memory of the fit and its recommendations.</summary>
internal sealed record PeerResult(
    string Method, string Label, double FitSeconds, double PeakMebibytes, IReadOnlyDictionary<string, IReadOnlyList<string>> Lists,
    string Versions);
