using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serverless.Application.Events;
using Serverless.Cli.Datasets;
using Serverless.Cli.Http;
using Serverless.Cli.Tests.Datasets;
using Serverless.Domain.Events;
using Serverless.Domain.Ports;
using Xunit;

namespace Serverless.Cli.Tests.Http;

/// <summary>The request bodies the CLI builds from real data pass the API's own ingestion handler unchanged.</summary>
public sealed class IngestionContractTests
{
    [Fact]
    public async Task Replayed_batches_of_the_real_sample_are_accepted_by_the_ingestion_handler()
    {
        var publisher = new RecordingPublisher();
        var handler = new IngestEventsHandler(
            publisher, Options.Create(new IngestionOptions()), TimeProvider.System, NullLogger<IngestEventsHandler>.Instance);
        var events = new OnlineRetailEventSource(
                OnlineRetailSample.FilePath,
                new OnlineRetailOptions { MaxRows = OnlineRetailSample.Rows, ShiftLatestTo = DateTimeOffset.UtcNow })
            .ReadEvents()
            .ToList();
        var options = new EventPosterOptions { BaseAddress = new Uri("http://localhost") };

        var batches = EventBatches.Split(events, 40, options.MaxBodyBytes, CancellationToken.None).ToList();
        foreach (var batch in batches)
        {
            var body = EventBatches.ToJsonArray(batch);
            var result = await handler.HandleAsync(
                new IngestRequest("application/json; charset=utf-8", body.Length, new MemoryStream(body)), CancellationToken.None);

            Assert.True(result.IsSuccess, result.Problem?.Detail);
            Assert.Equal(202, result.Status);
            Assert.Equal(batch.Count, result.Value!.Accepted);
        }

        Assert.True(batches.Count > 1);
        Assert.Equal(events.Select(e => e.EventId).Order(), publisher.Published.Select(e => e.EventId).Order());
        Assert.Equal(events.Sum(e => e.Lines!.Count), publisher.Published.Sum(e => e.Lines!.Count));
    }

    private sealed class RecordingPublisher : IMessagePublisher
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<BehaviorEvent> _published = [];

        public IReadOnlyCollection<BehaviorEvent> Published => _published;

        public Task PublishAsync<T>(string queueName, T message, CancellationToken cancellationToken)
        {
            Assert.Equal(QueueNames.Events, queueName);
            _published.Add(Assert.IsType<BehaviorEvent>(message));
            return Task.CompletedTask;
        }
    }
}
