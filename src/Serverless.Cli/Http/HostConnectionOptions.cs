using System.CommandLine;

namespace Serverless.Cli.Http;

/// <summary>The --url, --key and --batch-size options of every command that posts to a running host.</summary>
internal sealed class HostConnectionOptions
{
    public const string FunctionKeyVariable = "SERVERLESS_FUNCTION_KEY";

    public const string DefaultUrl = "http://localhost:7071";

    public Option<string> Url { get; } = new Option<string>("--url")
    {
        Description = "Base address of the running host (LocalHost or a Function App); events go to {url}/api/events.",
        DefaultValueFactory = _ => DefaultUrl,
    }.AbsoluteHttpUrl();

    // No DefaultValueFactory on purpose: help would print the key read from the environment.
    public Option<string?> Key { get; } = new("--key")
    {
        Description = $"Function key sent as x-functions-key (default: the {FunctionKeyVariable} environment variable).",
    };

    public Option<int> BatchSize { get; } = new Option<int>("--batch-size")
    {
        Description = $"Events per request (the API accepts at most {EventPosterOptions.MaxApiBatchSize}).",
        DefaultValueFactory = _ => EventPosterOptions.MaxApiBatchSize,
    }.InRange(1, EventPosterOptions.MaxApiBatchSize);

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Key);
        command.Options.Add(BatchSize);
    }

    public EventPosterOptions Read(ParseResult parseResult, CliEnvironment environment) => new()
    {
        BaseAddress = new Uri(parseResult.GetValue(Url) ?? DefaultUrl),
        FunctionKey = parseResult.GetValue(Key) ?? environment.GetEnvironmentVariable(FunctionKeyVariable),
        BatchSize = parseResult.GetValue(BatchSize),
    };
}
