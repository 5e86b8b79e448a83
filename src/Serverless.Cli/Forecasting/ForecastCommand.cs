using System.CommandLine;

namespace Serverless.Cli.Forecasting;

/// <summary><c>serverless forecast ...</c>: evaluate the demand forecasters and forecast in batch.</summary>
internal static class ForecastCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("forecast", "Demand forecasting: compare forecasters on held-out periods, forecast a history in batch.");
        command.Subcommands.Add(EvaluateForecastsCommand.Create(environment));
        command.Subcommands.Add(RunForecastsCommand.Create(environment));
        return command;
    }
}
