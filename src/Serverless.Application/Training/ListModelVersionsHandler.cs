using Serverless.Application.Common;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;

namespace Serverless.Application.Training;

/// <summary>GET /api/models/{name}/versions: 404 for a model with neither versions nor a pointer.</summary>
public sealed class ListModelVersionsHandler(IModelRegistry registry)
{
    public async Task<HandlerResult<ModelVersionsResponse>> HandleAsync(string name, CancellationToken cancellationToken)
    {
        if (ModelVersionNames.Check(name) is { } problem)
        {
            return Problem.Validation([new FieldError("name", problem)]);
        }

        var versions = await registry.ListVersionsAsync(name, cancellationToken);
        var current = await registry.GetCurrentAsync(name, cancellationToken);
        if (versions.Count == 0 && current is null)
        {
            return Problem.NotFound($"No model named '{name}'.");
        }

        return HandlerResult<ModelVersionsResponse>.Ok(new ModelVersionsResponse(name, current?.Value.Version, versions));
    }
}
