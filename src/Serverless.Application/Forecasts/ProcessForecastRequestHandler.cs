using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Common;
using Serverless.Domain.Forecasts;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;
using Serverless.Domain.Validation;

namespace Serverless.Application.Forecasts;

/// <summary>
/// Consumes one <see cref="ForecastRequestMessage"/> (queue <c>forecast-requests</c>): refits every product of the
/// category with the automatic trainer, reconciles the category bottom-up and upserts one document per product and
/// one for the category, each with the model used, its backtest accuracy and the data window. Idempotent: a
/// redelivered message overwrites the same documents. A malformed message is permanent (it goes to the poison queue).
/// </summary>
public sealed class ProcessForecastRequestHandler(
    DemandHistoryProvider histories,
    SeriesForecaster forecaster,
    IForecastRepository repository,
    IOptions<ForecastOptions> options,
    TimeProvider timeProvider,
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
        var fitted = forecaster.FitCategory(history, request.Category, granularity);
        if (fitted is null)
        {
            logger.LogInformation("No {Granularity} sales of category {Category} up to {HistoryEnd}: nothing to forecast", request.Granularity, request.Category, history.End);
            return 0;
        }

        var horizon = request.Granularity == ForecastGranularity.Week ? _options.PrecomputeHorizonWeeks : _options.PrecomputeHorizonDays;
        var documents = forecaster.Forecast(fitted, horizon, timeProvider.GetUtcNow());
        foreach (var document in documents)
        {
            await repository.UpsertAsync(document, cancellationToken);
        }

        logger.LogInformation(
            "Precomputed {Granularity} forecasts of category {Category}: {Products} products fitted in {ElapsedMs} ms, category MASE {Mase}",
            request.Granularity, request.Category, fitted.Members.Count, watch.ElapsedMilliseconds, documents[0].Backtest.Mase);
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

        if (parsed is null || IdentifierRules.Check(parsed.Category) is not null || !Enum.IsDefined(parsed.Granularity))
        {
            logger.LogWarning("Rejected forecast request: category or granularity missing or invalid");
            throw new PermanentMessageException("Invalid forecast request: category must be a valid id and granularity day or week.");
        }

        return parsed;
    }
}
