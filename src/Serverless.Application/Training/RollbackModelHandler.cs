using System.Text.Json;
using Microsoft.Extensions.Logging;
using Serverless.Application.Common;
using Serverless.Domain.Json;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;

namespace Serverless.Application.Training;

/// <summary>
/// POST /api/models/{name}/rollback with <c>{"version": "..."}</c>: makes a stored version current again, a pointer
/// change under the pointer's ETag (409 when it changed meanwhile). Any stored version may be chosen, a refused
/// candidate included; serving picks the change up at its next poll. The next retraining run compares its candidate
/// with the version rolled back to.
/// </summary>
public sealed class RollbackModelHandler(IModelRegistry registry, TimeProvider timeProvider, ILogger<RollbackModelHandler> logger)
{
    private const int MaxBodyBytes = 4096;

    public async Task<HandlerResult<ModelPointer>> HandleAsync(string name, RollbackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ModelVersionNames.Check(name) is { } nameProblem)
        {
            return Problem.Validation([new FieldError("name", nameProblem)]);
        }

        if (!JsonRequestBody.IsJson(request.ContentType))
        {
            return Problem.UnsupportedMediaType("The body must be application/json: {\"version\": \"...\"}.");
        }

        var body = await ReadBodyAsync(request.Body, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var version = body.Version!;
        var current = await registry.GetCurrentAsync(name, cancellationToken);
        var versions = await registry.ListVersionsAsync(name, cancellationToken);
        if (current is null && versions.Count == 0)
        {
            return Problem.NotFound($"No model named '{name}'.");
        }

        if (versions.All(v => v.Version != version))
        {
            return Problem.Validation([new FieldError("version", $"is not a stored version of '{name}'.")]);
        }

        if (current?.Value.Version == version)
        {
            return HandlerResult<ModelPointer>.Ok(current.Value);
        }

        var pointer = new ModelPointer
        {
            Name = name,
            Version = version,
            UpdatedAt = timeProvider.GetUtcNow(),
            PreviousVersion = current?.Value.Version,
            Reason = current is null ? $"set to {version} by an administrator" : $"rolled back from {current.Value.Version} to {version} by an administrator",
        };
        if (await registry.TrySetCurrentAsync(pointer, current?.ETag, cancellationToken) is null)
        {
            return Problem.Conflict($"The current version of '{name}' changed during the rollback; read it again and retry.");
        }

        logger.LogWarning("Model {Model} rolled back from {From} to {To}", name, pointer.PreviousVersion, version);
        return HandlerResult<ModelPointer>.Ok(pointer);
    }

    private static async Task<(string? Version, Problem? Problem)> ReadBodyAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (await JsonRequestBody.ReadLimitedAsync(stream, MaxBodyBytes, cancellationToken) is not { } bytes)
        {
            return (null, Problem.PayloadTooLarge("body", $"A rollback body is at most {MaxBodyBytes} bytes."));
        }

        RollbackBody? body;
        try
        {
            body = JsonSerializer.Deserialize<RollbackBody>(bytes, DomainJson.Options);
        }
        catch (JsonException exception)
        {
            return (null, Problem.Validation([new FieldError("body", "must be a JSON object {\"version\": \"...\"}: " + exception.Message)]));
        }

        return ModelVersionNames.Check(body?.Version) is { } problem
            ? (null, Problem.Validation([new FieldError("version", problem)]))
            : (body!.Version, null);
    }
}
