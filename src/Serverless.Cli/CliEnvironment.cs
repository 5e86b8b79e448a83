using Spectre.Console;

namespace Serverless.Cli;

/// <summary>What commands use from the process, swappable in tests: consoles, environment variables and the clock.</summary>
public sealed record CliEnvironment(
    IAnsiConsole Console,
    TextWriter Output,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    TimeProvider TimeProvider)
{
    public static CliEnvironment FromProcess() => new(
        AnsiConsole.Console, System.Console.Out, System.Console.Error, Environment.GetEnvironmentVariable, TimeProvider.System);
}
