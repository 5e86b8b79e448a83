using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Common;
using Serverless.Application.Telemetry;
using Serverless.Domain.Forecasts;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;
using Serverless.Domain.Validation;

namespace Serverless.Application.Forecasts;

/// <summary>
/// Consumes one <see cref="ForecastRequestMessage"/> (queue <c>forecast-requests</c>): for a category, fits every
/// product of it with the automatic trainer, reconciles the category bottom-up and upserts one document per product and
/// one for the category; for the total, fits every product and upserts the total's document only (the category
/// messages write the products'). Products are fitted through <see cref="ForecastModelCache"/>, so on one instance the
/// category's message and the total's share each product's fit. Each document has the model used, its backtest accuracy and the data window, and is
/// counted with its backtest MASE (<see cref="ApplicationMetrics"/>). Idempotent: a redelivered message overwrites the
/// same documents. A malformed message is permanent (it goes to the poison queue).
/// </summary>
public sealed class ProcessForecastRequestHandler(
    DemandHistoryProvider histories,
    SeriesForecaster forecaster,
    ForecastService forecasts,
    IForecastRepository repository,
    IOptions<ForecastOptions> options,
    TimeProvider timeProvider,
    ApplicationMetrics metrics,
    ILogger<ProcessForecastRequestHandler> logger)
{
    private readonly ForecastOptions _options = options.Value;

    /// <returns>The number of documents written.</returns>
    public async Task<int> HandleAsync(string message, CancellationToken cancellationToken)
    {
        var request = Parse(message);
        var history = await histories.GetAsync(cancellationToken);
        var granularity = SeriesForecaster.ToSeries(request.Granularity);
        var watch = Stopwatch.StartNew();
        var total = request.Kind == ForecastSeriesKind.Total;
        var name = total ? DemandForecast.TotalName : request.Category!;
        // Products come through the instance's model cache, so the category's message and the total's fit each once.
        var fitted = total ? await forecasts.FitTotalAsync(history, granularity) : await forecasts.FitCategoryAsync(history, name, granularity);
        if (fitted is null)
        {
            logger.LogInformation("No {Granularity} sales of {Kind} {Name} up to {HistoryEnd}: nothing to forecast", request.Granularity, request.Kind, name, history.End);
            return 0;
        }

        var horizon = request.Granularity == ForecastGranularity.Week ? _options.PrecomputeHorizonWeeks : _options.PrecomputeHorizonDays;
        var generatedAt = timeProvider.GetUtcNow();
        var documents = total ? [forecaster.Forecast(fitted, horizon, generatedAt)] : forecaster.ForecastWithMembers(fitted, horizon, generatedAt);
        foreach (var document in documents)
        {
            await repository.UpsertAsync(document, cancellationToken);
            metrics.RecordForecastRefreshed(document);
        }

        logger.LogInformation(
            "Precomputed {Granularity} forecasts of {Kind} {Name}: {Products} products fitted in {ElapsedMs} ms, its MASE {Mase}",
            request.Granularity, request.Kind, name, fitted.Members.Count, watch.ElapsedMilliseconds, documents[0].Backtest.Mase);
        return documents.Count;
    }

    private ForecastRequestMessage Parse(string message)
    {
        ForecastRequestMessage? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ForecastRequestMessage>(message ?? string.Empty, DomainJson.Options);
        }
        catch (JsonException exception)
        {
            logger.LogWarning("Rejected forecast request: {Reason}", exception.Message);
            throw new PermanentMessageException($"Invalid forecast request: {exception.Message}");
        }

        var seriesValid = parsed?.Kind switch
        {
            ForecastSeriesKind.Category => IdentifierRules.Check(parsed.Category) is null,
            ForecastSeriesKind.Total => parsed.Category is null,
            _ => false,
        };
        if (parsed is null || !seriesValid || !Enum.IsDefined(parsed.Granularity))
        {
            logger.LogWarning("Rejected forecast request: kind, category or granularity missing or invalid");
            throw new PermanentMessageException(
                "Invalid forecast request: kind must be category (with a valid category id) or total (without one), and granularity day or week.");
        }

        return parsed;
    }
}
