using System.Text.Json;
using Serverless.Cli.Http;
using Spectre.Console;

namespace Serverless.Cli;

/// <summary>Turns the expected failures of a command into one readable error line and exit code 1.</summary>
internal static class CommandFailures
{
    public static async Task<int> ReportAsync(IAnsiConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is EventPostException or InvalidDataException or IOException or JsonException
                                       or HttpRequestException or ArgumentException or UnauthorizedAccessException)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]cancelled[/]");
            return ExitCodes.Failure;
        }
    }
}
