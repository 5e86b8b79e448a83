using System.CommandLine;
using Serverless.Cli.Events;
using Serverless.Cli.Forecasting;
using Serverless.Cli.Intents;
using Serverless.Cli.Recommendations;
using Serverless.Cli.Sentiment;

namespace Serverless.Cli;

/// <summary>Builds the command tree and runs it; parse errors exit with <see cref="ExitCodes.Usage"/>.</summary>
public static class CliApplication
{
    public static RootCommand CreateRootCommand(CliEnvironment environment)
    {
        var root = new RootCommand("Tools for the serverless marketing backend: replay real events into a running host.");
        root.Subcommands.Add(EventsCommand.Create(environment));
        root.Subcommands.Add(RecsCommand.Create(environment));
        root.Subcommands.Add(IntentsCommand.Create(environment));
        root.Subcommands.Add(SentimentCommand.Create(environment));
        root.Subcommands.Add(ForecastCommand.Create(environment));
        return root;
    }

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var parseResult = CreateRootCommand(environment).Parse(args);
        var configuration = new InvocationConfiguration { Output = environment.Output, Error = environment.Error };
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        return parseResult.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }
}
