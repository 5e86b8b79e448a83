using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Serverless.Testing;

/// <summary>
/// Makes sure Azurite and the local Cosmos DB server are listening, starting them with
/// <c>tools/emulators/emulators.sh start</c> when they are not, so that <c>dotnet test</c> needs no manual step.
/// The emulators are left running for the other test assemblies of the same run (they run in parallel);
/// <c>emulators.sh stop</c> (or .ci/run) stops them. Ports follow the same environment variables as the script.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    /// <summary>The well-known Azurite development account key (public, documented by Microsoft).</summary>
    public const string AzuriteAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The well-known Cosmos DB emulator key, which the local server accepts.</summary>
    public const string CosmosEmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private static readonly SemaphoreSlim StartLock = new(1, 1);

    public int BlobPort { get; } = Port("AZURITE_BLOB_PORT", 10000);

    public int QueuePort { get; } = Port("AZURITE_QUEUE_PORT", 10001);

    public int TablePort { get; } = Port("AZURITE_TABLE_PORT", 10002);

    public int CosmosPort { get; } = Port("COSMOS_PORT", 8081);

    public string StorageConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AzuriteAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public string CosmosEndpoint => $"https://127.0.0.1:{CosmosPort}/";

    public string CosmosKey => CosmosEmulatorKey;

    /// <summary>A database name no other test uses, so tests never see each other's documents.</summary>
    public static string UniqueDatabaseName(string prefix = "test") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 40)];

    /// <summary>
    /// Settings pointing at the emulators, as the hosts read them (see local.settings.sample.json), with a database
    /// of its own unless <paramref name="overrides"/> names one.
    /// </summary>
    public IConfiguration CreateConfiguration(IDictionary<string, string?>? overrides = null)
    {
        var values = Settings();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>The same settings as a dictionary (for hosts that take key/value overrides).</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["AzureWebJobsStorage"] = StorageConnectionString,
        ["CosmosDb:Endpoint"] = CosmosEndpoint,
        ["CosmosDb:Key"] = CosmosKey,
        ["CosmosDb:Database"] = UniqueDatabaseName(),
        ["CosmosDb:AllowInsecureLocalCertificate"] = "true",
    };

    public async Task InitializeAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            if (AllListening())
            {
                return;
            }

            await RunStartScriptAsync();
            if (!AllListening())
            {
                throw new InvalidOperationException(
                    $"Emulators are not listening on 127.0.0.1:{BlobPort}/{QueuePort}/{CosmosPort} after emulators.sh start.");
            }
        }
        finally
        {
            StartLock.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private bool AllListening() => IsListening(BlobPort) && IsListening(QueuePort) && IsListening(CosmosPort);

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunStartScriptAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, "tools", "emulators", "emulators.sh");
        var start = new ProcessStartInfo("bash", [script, "start"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run emulators.sh.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"emulators.sh start failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }

    private static int Port(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var port) ? port : fallback;
}
