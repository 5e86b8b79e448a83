using Microsoft.Extensions.Configuration;

namespace Serverless.LocalHost.Configuration;

/// <summary>The configuration keys the local host reads besides the application's own.</summary>
public static class LocalHostSettings
{
    /// <summary>The key required on every route but the anonymous ones (at least 16 characters).</summary>
    public const string FunctionKey = "LocalHost:FunctionKey";

    /// <summary>Path of host.json (default: the repository's host.json, copied next to the executable).</summary>
    public const string HostJsonPath = "LocalHost:HostJsonPath";

    /// <summary>Path of a Functions local.settings.json whose <c>Values</c> become settings (default: ./local.settings.json if present).</summary>
    public const string LocalSettingsPath = "LocalHost:LocalSettingsPath";

    /// <summary>Whether a timer also runs once when the host starts (<c>LocalHost:Timers:{function}:RunOnStartup</c>, default false).</summary>
    public static string RunOnStartup(string functionName) => $"LocalHost:Timers:{functionName}:RunOnStartup";

    /// <summary>
    /// The Functions setting <c>AzureWebJobs.{function}.Disabled</c> (or <c>AzureWebJobs__{function}__Disabled</c>):
    /// a disabled HTTP function answers 404, a disabled queue or timer function does not run.
    /// </summary>
    public static bool IsDisabled(IConfiguration configuration, string functionName) =>
        IsTrue(configuration[$"AzureWebJobs.{functionName}.Disabled"]) || IsTrue(configuration[$"AzureWebJobs:{functionName}:Disabled"]);

    public static bool IsTrue(string? value) =>
        bool.TryParse(value, out var flag) ? flag : value == "1";
}
