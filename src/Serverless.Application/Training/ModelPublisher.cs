using Serverless.Domain.Models;
using Serverless.Domain.Ports;

namespace Serverless.Application.Training;

/// <summary>
/// The end of every retraining run: store the candidate version with its manifest and artifacts; when the gate
/// promotes it, move the pointer under the live pointer's ETag (a rollback or another run meanwhile makes it a
/// <see cref="RetrainOutcome.PromotionConflict"/>, recorded in the manifest, and the pointer is left as it is); then
/// keep the newest <c>keepVersions</c> versions and the current one (<see cref="ModelRetention"/>).
/// </summary>
public sealed class ModelPublisher(IModelRegistry registry, TimeProvider timeProvider)
{
    public async Task<ModelPublication> PublishAsync(
        ModelManifest manifest,
        IReadOnlyList<ModelArtifact> artifacts,
        Versioned<ModelPointer>? live,
        int keepVersions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        await registry.SaveVersionAsync(manifest, artifacts, cancellationToken);

        var reason = manifest.Reason;
        var outcome = RetrainOutcome.Refused;
        var current = live?.Value.Version;
        if (manifest.Decision == ModelDecision.Promoted)
        {
            var pointer = new ModelPointer
            {
                Name = manifest.Name,
                Version = manifest.Version,
                UpdatedAt = timeProvider.GetUtcNow(),
                PreviousVersion = current,
                Reason = "promoted by retraining: " + reason,
            };
            if (await registry.TrySetCurrentAsync(pointer, live?.ETag, cancellationToken) is null)
            {
                outcome = RetrainOutcome.PromotionConflict;
                reason = "the current version changed during the run (a rollback or another run), so this candidate was not promoted; gate: " + reason;
                await registry.UpdateManifestAsync(manifest with { Decision = ModelDecision.PromotionConflict, Reason = reason }, cancellationToken);
                current = (await registry.GetCurrentAsync(manifest.Name, cancellationToken))?.Value.Version;
            }
            else
            {
                outcome = RetrainOutcome.Promoted;
                current = manifest.Version;
            }
        }

        var deleted = await ModelRetention.PruneAsync(registry, manifest.Name, keepVersions, current, cancellationToken);
        return new ModelPublication(outcome, reason, current, deleted);
    }
}
