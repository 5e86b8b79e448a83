using Serverless.Application.Common;
using Serverless.Domain.Ports;

namespace Serverless.Application.Training;

/// <summary>GET /api/models: every model in the registry (and every retrainable one, even before its first run).</summary>
public sealed class ListModelsHandler(IModelRegistry registry, RecommenderRetrainingJob recommender)
{
    public async Task<HandlerResult<ModelListResponse>> HandleAsync(CancellationToken cancellationToken)
    {
        var names = (await registry.ListModelsAsync(cancellationToken)).Append(recommender.ModelName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var models = new List<ModelSummary>();
        foreach (var name in names)
        {
            var current = await registry.GetCurrentAsync(name, cancellationToken);
            var versions = await registry.ListVersionsAsync(name, cancellationToken);
            models.Add(new ModelSummary
            {
                Name = name,
                Current = current?.Value,
                CurrentManifest = current is null ? null : versions.FirstOrDefault(v => v.Version == current.Value.Version),
                StoredVersions = versions.Count,
                Retrainable = name == recommender.ModelName,
            });
        }

        return HandlerResult<ModelListResponse>.Ok(new ModelListResponse(models));
    }
}
