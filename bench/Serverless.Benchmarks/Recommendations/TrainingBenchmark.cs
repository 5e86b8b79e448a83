using Serverless.Cli.Datasets;
using Serverless.Cli.Recommendations;
using Serverless.Learning.Evaluation;
using Serverless.Learning.Recommenders;

namespace Serverless.Benchmarks.Recommendations;

/// <summary>
/// Training time (median of the runs) and peak resident memory (highest of the runs, above the level before the fit)
/// of every trainer on the full Online Retail interactions, with the scikit-learn peers fitted on the same interactions
/// in the same command (bench/peers/recs_sklearn.py, its own median and peak).
/// </summary>
internal sealed class TrainingBenchmark(int runs, bool peers)
{
    public async Task<(IReadOnlyList<TrainingResult> Results, string Data, string? PeerVersions)> RunAsync(TextWriter log)
    {
        var path = OnlineRetailEventSource.FindDefaultFile()
            ?? throw new FileNotFoundException($"{OnlineRetailEventSource.DefaultRelativePath} not found beside the repository.");
        var set = OnlineRetailInteractions.Read(path, new InteractionWeighting(), null, CancellationToken.None);
        var interactions = set.Interactions;
        var data = $"UCI Online Retail, all {interactions.Count:N0} product purchase lines, "
                   + $"{interactions.Select(i => i.UserId).Distinct().Count():N0} users x {interactions.Select(i => i.ItemId).Distinct().Count():N0} items";
        log.WriteLine(data);
        var settings = new TrainerSettings();
        var results = new List<TrainingResult>();
        foreach (var choice in TrainerLineup.All)
        {
            var seconds = new List<double>();
            var peak = 0.0;
            for (var run = 0; run < runs; run++)
            {
                var (_, elapsed, mebibytes) = EvaluateRecommendersCommand.Measure(
                    TrainerLineup.Create(choice, settings), interactions, CancellationToken.None);
                seconds.Add(elapsed);
                peak = Math.Max(peak, mebibytes);
                log.WriteLine($"  {TrainerLineup.Name(choice)} run {run + 1}: {elapsed:F2} s, peak {mebibytes:F0} MiB");
            }

            results.Add(new TrainingResult(TrainerLineup.Describe(choice, settings), seconds, peak));
        }

        string? versions = null;
        if (peers)
        {
            var script = PythonPeers.FindScript() ?? throw new FileNotFoundException($"{PythonPeers.ScriptRelativePath} not found.");

            // A cutoff after the last interaction: everything trains, nobody is scored; only the fit is timed.
            var split = TemporalSplit.Create(interactions, interactions.Max(i => i.Timestamp).AddSeconds(1));
            foreach (var peer in await PythonPeers.RunAsync(PythonPeers.DefaultInterpreter, script, split, 10, runs, CancellationToken.None))
            {
                results.Add(new TrainingResult(peer.Label, [peer.FitSeconds], peer.PeakMebibytes));
                versions = peer.Versions;
                log.WriteLine($"  {peer.Method}: median {peer.FitSeconds:F2} s over {runs} runs, peak {peer.PeakMebibytes:F0} MiB");
            }
        }

        return (results, data, versions);
    }
}
