using System.CommandLine;

namespace Serverless.Cli.Events;

/// <summary><c>serverless events ...</c>: send behaviour events to a running host.</summary>
internal static class EventsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("events", "Send behaviour events to a running host (POST /api/events).");
        command.Subcommands.Add(ReplayOnlineRetailCommand.Create(environment));
        command.Subcommands.Add(PostEventsCommand.Create(environment));
        return command;
    }
}
