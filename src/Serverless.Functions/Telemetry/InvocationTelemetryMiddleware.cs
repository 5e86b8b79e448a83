using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Serverless.Application.Telemetry;

namespace Serverless.Functions.Telemetry;

/// <summary>
/// Runs every invocation inside <see cref="InvocationTelemetry"/> (correlation scope, duration, outcome, poisoned
/// messages), passing the queue trigger's message id and dequeue count from its binding data (<c>Id</c>,
/// <c>DequeueCount</c>).
/// </summary>
public sealed class InvocationTelemetryMiddleware(InvocationTelemetry telemetry) : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var data = context.BindingContext.BindingData;
        long? dequeueCount = long.TryParse(Text(data, "DequeueCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : null;
        return telemetry.RunAsync(
            context.FunctionDefinition.Name,
            context.InvocationId,
            async () =>
            {
                await next(context);
                return true;
            },
            Text(data, "Id"),
            dequeueCount);
    }

    private static string? Text(IReadOnlyDictionary<string, object?> data, string key) =>
        data.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim('"') : null;
}
