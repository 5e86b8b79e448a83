using System.CommandLine;

namespace Serverless.Cli.Intents;

/// <summary><c>serverless intents ...</c>: train, evaluate and apply the customer-support intent classifier.</summary>
internal static class IntentsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("intents", "Intent classification of customer messages (hashed TF-IDF + softmax regression).");
        command.Subcommands.Add(EvaluateIntentsCommand.Create(environment));
        command.Subcommands.Add(ClassifyIntentsCommand.Create(environment));
        return command;
    }
}
