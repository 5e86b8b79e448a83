using System.CommandLine;

namespace Serverless.Cli.Recommendations;

/// <summary><c>serverless recs ...</c>: train, compare and batch-score recommenders offline.</summary>
internal static class RecsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("recs", "Recommenders: evaluate trainers on a temporal split, tune them, score users in batch.");
        command.Subcommands.Add(EvaluateRecommendersCommand.Create(environment));
        command.Subcommands.Add(TuneRecommendersCommand.Create(environment));
        command.Subcommands.Add(RecommendCommand.Create(environment));
        return command;
    }
}
