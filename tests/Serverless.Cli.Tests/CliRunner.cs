using Spectre.Console;

namespace Serverless.Cli.Tests;

/// <summary>Runs the tool in-process with captured output, fixed environment variables and a fixed clock.</summary>
internal static class CliRunner
{
    public static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task<(int ExitCode, string Output)> RunAsync(
        IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;
        var cli = new CliEnvironment(
            console,
            output,
            output,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            new FixedClock(Now));

        var exitCode = await CliApplication.RunAsync(args, cli);
        return (exitCode, output.ToString());
    }

    public static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunAsync(null, args);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
