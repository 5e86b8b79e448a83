using System.Diagnostics.Metrics;
using Serverless.Infrastructure.Cosmos;

namespace Serverless.Benchmarks.Ingestion;

/// <summary>Counts the Cosmos requests the process sends, from the <see cref="CosmosMetrics"/> meter.</summary>
internal sealed class CosmosRequestCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _requests;

    public CosmosRequestCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CosmosMetrics.MeterName && instrument.Name == CosmosMetrics.Requests.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _requests, value));
        _listener.Start();
    }

    public long Requests => Interlocked.Read(ref _requests);

    public void Dispose() => _listener.Dispose();
}
