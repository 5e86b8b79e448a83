using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Serverless.Application.Hosting;
using Serverless.Domain.Events;
using Serverless.Domain.Forecasts;

namespace Serverless.Application.Telemetry;

/// <summary>
/// The product's metrics, on the <see cref="System.Diagnostics.Metrics.Meter"/> named <see cref="MeterName"/>: both hosts
/// record every invocation, handlers record what happened to each event. Exported to Application Insights
/// (<c>customMetrics</c>) by the Functions host; locally readable with <c>dotnet-counters monitor --counters Serverless.Application</c>.
/// </summary>
public sealed class ApplicationMetrics : IDisposable
{
    public const string MeterName = "Serverless.Application";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _invocationDuration;
    private readonly Counter<long> _eventsProcessed;
    private readonly Counter<long> _messagesPoisoned;
    private readonly Counter<long> _segmentChanges;
    private readonly Counter<long> _modelsServed;
    private readonly Counter<long> _forecastsServed;
    private readonly Counter<long> _forecastsRefreshed;
    private readonly Histogram<double> _forecastBacktestMase;

    /// <param name="meterFactory">The host's factory (registered by every generic host); without one the meter is owned here.</param>
    public ApplicationMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _invocationDuration = _meter.CreateHistogram<double>(
            "serverless.function.duration", "s", "How long a function invocation took, by function, trigger and outcome.");
        _eventsProcessed = _meter.CreateCounter<long>(
            "serverless.events.processed", "{event}", "Behaviour events taken from the queue, by event type and outcome (applied, duplicate, resynchronized).");
        _messagesPoisoned = _meter.CreateCounter<long>(
            "serverless.messages.poisoned", "{message}", "Queue messages given up on (moved to <queue>-poison), by function and queue.");
        _segmentChanges = _meter.CreateCounter<long>(
            "serverless.segments.changes", "{change}", "Segment changes announced on segment-changes, by source and target segment.");
        _modelsServed = _meter.CreateCounter<long>(
            "serverless.models.served", "{response}", "Responses computed from a trained model, by model and version.");
        _forecastsServed = _meter.CreateCounter<long>(
            "serverless.forecasts.served", "{response}", "Demand forecasts answered, by series kind (product, category, total) and source (precomputed, on_demand).");
        _forecastsRefreshed = _meter.CreateCounter<long>(
            "serverless.forecasts.refreshed", "{document}", "Forecast documents written by the nightly refresh's queue workers, by series kind and granularity.");
        _forecastBacktestMase = _meter.CreateHistogram<double>(
            "serverless.forecasts.backtest.mase", "1", "Backtest MASE of each series the nightly refresh wrote (below 1 beats the seasonal naive method), by series kind and granularity.");
    }

    public Meter Meter => _meter;

    /// <summary>One function invocation, recorded by the host that ran it.</summary>
    public void RecordInvocation(string function, TriggerKind trigger, InvocationOutcome outcome, TimeSpan elapsed) =>
        _invocationDuration.Record(
            elapsed.TotalSeconds,
            new TagList { { "function", function }, { "trigger", TagValue(trigger) }, { "outcome", TagValue(outcome) } });

    public void RecordEventProcessed(BehaviorEventType type, EventOutcome outcome) =>
        _eventsProcessed.Add(1, new TagList { { "event.type", type.WireName() }, { "outcome", TagValue(outcome) } });

    public void RecordMessagePoisoned(string function, string queue) =>
        _messagesPoisoned.Add(1, new TagList { { "function", function }, { "queue", queue } });

    /// <param name="from">The segment left, or null for a first segment.</param>
    public void RecordSegmentChange(string? from, string to) =>
        _segmentChanges.Add(1, new TagList { { "segment.from", from ?? "none" }, { "segment.to", to } });

    /// <summary>A response computed from <paramref name="model"/> at <paramref name="version"/> (recommendations, forecasts, ...).</summary>
    public void RecordModelServed(string model, string version) =>
        _modelsServed.Add(1, new TagList { { "model", model }, { "model.version", version } });

    /// <summary>A forecast answered over HTTP (reorder points, which read a product's model, are not counted).</summary>
    public void RecordForecastServed(ForecastSeriesKind kind, ForecastSource source) =>
        _forecastsServed.Add(1, new TagList { { "forecast.kind", TagValue(kind) }, { "forecast.source", TagValue(source) } });

    /// <summary>A forecast document the refresh wrote, and its backtest MASE when the history was long enough to have one.</summary>
    public void RecordForecastRefreshed(DemandForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var tags = new TagList { { "forecast.kind", TagValue(forecast.Kind) }, { "forecast.granularity", TagValue(forecast.Granularity) } };
        _forecastsRefreshed.Add(1, tags);
        if (forecast.Backtest.Mase is { } mase)
        {
            _forecastBacktestMase.Record(mase, tags);
        }
    }

    public void Dispose()
    {
        // A factory disposes the meters it created.
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    /// <summary>The enum value as on the wire (snake_case, e.g. on_demand), so tags match the JSON the API answers.</summary>
    private static string TagValue<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
