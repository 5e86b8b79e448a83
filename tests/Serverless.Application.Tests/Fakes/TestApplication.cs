using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Application.Tests.Recommendations;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Fakes;

/// <summary>The Application layer wired by <c>AddApplication</c> onto in-memory ports and a manual clock.</summary>
public sealed class TestApplication : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    public TestApplication(
        IDictionary<string, string?>? settings = null, IEnumerable<IHealthProbe>? probes = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IProfileRepository>(Profiles);
        services.AddSingleton<IOrderRepository>(Orders);
        services.AddSingleton<ICatalogRepository>(Catalog);
        services.AddSingleton<ISegmentRepository>(Segments);
        services.AddSingleton<IEventLog>(EventLog);
        services.AddSingleton<IEventArchive>(Archive);
        services.AddSingleton<IMessagePublisher>(Publisher);
        services.AddSingleton<IForecastRepository>(Forecasts);
        services.AddSingleton<IDemandSnapshotStore>(DemandSnapshots);
        services.AddSingleton<IModelRegistry>(Models);
        services.AddSingleton<IInteractionSnapshotStore>(Snapshots);
        services.AddSingleton<IEventArchiveIndex>(_ => new FakeEventArchiveIndex(Archive));
        services.AddSingleton<IConversationRepository>(Conversations);
        services.AddSingleton<ISupportContentStore>(SupportContent);
        foreach (var probe in probes ?? [])
        {
            services.AddSingleton(probe);
        }

        configure?.Invoke(services);
        services.AddApplication(configuration);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ManualTimeProvider Clock { get; } = new(Start);

    public FakeProfileRepository Profiles { get; } = new();

    public FakeOrderRepository Orders { get; } = new();

    public FakeCatalogRepository Catalog { get; } = new();

    public FakeSegmentRepository Segments { get; } = new();

    public FakeEventLog EventLog { get; } = new();

    public FakeEventArchive Archive { get; } = new();

    public FakeMessagePublisher Publisher { get; } = new();

    public FakeForecastRepository Forecasts { get; } = new();

    public FakeDemandSnapshotStore DemandSnapshots { get; } = new();

    public FakeModelRegistry Models { get; } = new();

    public FakeInteractionSnapshotStore Snapshots { get; } = new();

    public FakeConversationRepository Conversations { get; } = new();

    public FakeSupportContentStore SupportContent { get; } = new();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}
