using Serverless.Application.Hosting;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests.Hosting;

/// <summary>
/// One local host over real HTTP for a test class: the Application and Infrastructure pieces on the emulators (a
/// database of its own), queue and timer functions disabled since these tests are about the HTTP surface.
/// </summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    public const string Key = "hosting-tests-function-key-0123456789";

    private readonly EmulatorFixture _emulators = new();
    private RunningLocalHost? _host;

    public RunningLocalHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public async Task InitializeAsync()
    {
        await _emulators.InitializeAsync();
        var settings = _emulators.Settings();
        settings["LocalHost:FunctionKey"] = Key;
        settings[$"AzureWebJobs.{FunctionNames.ProcessEvent}.Disabled"] = "true";
        settings[$"AzureWebJobs.{FunctionNames.ProcessCatalog}.Disabled"] = "true";
        settings[$"AzureWebJobs.{FunctionNames.RecomputeRfmThresholds}.Disabled"] = "true";
        settings[$"AzureWebJobs.{FunctionNames.GetProfile}.Disabled"] = "true";
        _host = await LocalHostApplication.StartAsync("http://127.0.0.1:0", settings);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
