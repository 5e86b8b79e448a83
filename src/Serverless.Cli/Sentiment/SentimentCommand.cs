using System.CommandLine;

namespace Serverless.Cli.Sentiment;

/// <summary><c>serverless sentiment ...</c>: evaluate the sentiment classifier.</summary>
internal static class SentimentCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("sentiment", "Sentiment of customer messages (hashed TF-IDF + logistic regression, lexicon fallback).");
        command.Subcommands.Add(EvaluateSentimentCommand.Create(environment));
        command.Subcommands.Add(SentimentWeightsCommand.Create(environment));
        return command;
    }
}
