namespace Serverless.LocalHost;

/// <summary>What a caller (a test, a benchmark) may change when building the local host in process.</summary>
public sealed class LocalHostOptions
{
    /// <summary>Settings added last, over every other source (same keys as app settings; <c>:</c> separates sections).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings { get; init; } = [];

    /// <summary>The address to listen on (e.g. <c>http://127.0.0.1:0</c> for a free port); default: the configured urls, else http://localhost:7071.</summary>
    public string? Url { get; init; }

    /// <summary>Whether ./local.settings.json (or LocalHost:LocalSettingsPath) is read; tests turn it off to stay independent of a developer's file.</summary>
    public bool LoadLocalSettings { get; init; } = true;

    /// <summary>Runs after every registration of the host, so it can replace services.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
