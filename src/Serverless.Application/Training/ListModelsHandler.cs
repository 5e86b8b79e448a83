using Serverless.Application.Common;
using Serverless.Domain.Ports;

namespace Serverless.Application.Training;

/// <summary>
/// GET /api/models: every model in the registry, and every model with a registered <see cref="IRetrainingJob"/> (listed
/// as retrainable, even before its first run, since POST /api/models/{name}/retrain would run that job).
/// </summary>
public sealed class ListModelsHandler(IModelRegistry registry, IEnumerable<IRetrainingJob> jobs)
{
    private readonly HashSet<string> _retrainable = jobs.Select(j => j.ModelName).ToHashSet(StringComparer.Ordinal);

    public async Task<HandlerResult<ModelListResponse>> HandleAsync(CancellationToken cancellationToken)
    {
        var names = (await registry.ListModelsAsync(cancellationToken)).Concat(_retrainable).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
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
                Retrainable = _retrainable.Contains(name),
            });
        }

        return HandlerResult<ModelListResponse>.Ok(new ModelListResponse(models));
    }
}
