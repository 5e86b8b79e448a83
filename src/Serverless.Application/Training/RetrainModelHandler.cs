using Microsoft.Extensions.Logging;
using Serverless.Application.Common;
using Serverless.Domain.Models;

namespace Serverless.Application.Training;

/// <summary>
/// POST /api/models/{name}/retrain: runs the model's retraining job (any <see cref="IRetrainingJob"/>) now and answers its report (200, whether the
/// candidate was promoted or refused); 409 while a run is in progress, 404 for a model without a job, 500 when the
/// run fails (the live model keeps serving).
/// </summary>
public sealed class RetrainModelHandler(IEnumerable<IRetrainingJob> jobs, ILogger<RetrainModelHandler> logger)
{
    public async Task<HandlerResult<RetrainReport>> HandleAsync(string name, CancellationToken cancellationToken)
    {
        if (ModelVersionNames.Check(name) is { } problem)
        {
            return Problem.Validation([new FieldError("name", problem)]);
        }

        var job = jobs.FirstOrDefault(j => j.ModelName == name);
        if (job is null)
        {
            return Problem.NotFound($"No retraining job for a model named '{name}'.");
        }

        RetrainReport? report;
        try
        {
            report = await job.TryRunAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Retraining {Model} failed; the live model keeps serving", name);
            return new Problem
            {
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
                Title = "Retraining failed.",
                Status = 500,
                Detail = $"The retraining run of '{name}' failed ({exception.GetType().Name}: {exception.Message}). The live model keeps serving.",
            };
        }

        return report is null
            ? Problem.Conflict($"A retraining run of '{name}' is already in progress.")
            : HandlerResult<RetrainReport>.Ok(report);
    }
}
