using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Serverless.Application.Telemetry;

/// <summary>
/// host.json's <c>extensions.queues.maxDequeueCount</c> as a host sees it in its configuration: the app-setting
/// override <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c> first, then host.json loaded as a
/// configuration file, then the extension's default of 5. The Functions host needs it to tell a last failed attempt
/// (the runtime then moves the message to the poison queue) from one that will be retried.
/// </summary>
public static class QueueRetryLimits
{
    public const int DefaultMaxDequeueCount = 5;

    public const string OverrideKey = "AzureFunctionsJobHost:extensions:queues:maxDequeueCount";

    public const string HostJsonKey = "extensions:queues:maxDequeueCount";

    public static int MaxDequeueCount(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[OverrideKey] ?? configuration[HostJsonKey];
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : DefaultMaxDequeueCount;
    }

    /// <summary>Whether a failure on delivery <paramref name="dequeueCount"/> is the last one before the poison queue.</summary>
    public static bool IsLastAttempt(long dequeueCount, int maxDequeueCount) => dequeueCount >= maxDequeueCount;
}
