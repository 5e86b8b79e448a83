using Serverless.LocalHost.Http;

namespace Serverless.LocalHost;

/// <summary>A started local host: where it listens, its services, and how to stop it.</summary>
public sealed class RunningLocalHost : IAsyncDisposable
{
    private bool _stopped;

    internal RunningLocalHost(WebApplication application, Uri baseAddress)
    {
        Application = application;
        BaseAddress = baseAddress;
    }

    public WebApplication Application { get; }

    /// <summary>The bound address with a trailing slash (the real port when 0 was asked), e.g. <c>http://127.0.0.1:43817/</c>.</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => Application.Services;

    /// <summary>A client for <see cref="BaseAddress"/>, sending <paramref name="functionKey"/> as <c>x-functions-key</c> when given.</summary>
    public HttpClient CreateClient(string? functionKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (functionKey is not null)
        {
            client.DefaultRequestHeaders.Add(FunctionKey.HeaderName, functionKey);
        }

        return client;
    }

    /// <summary>Stops listening and lets the queue listeners finish the messages in flight.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_stopped)
        {
            _stopped = true;
            await Application.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Application.DisposeAsync();
    }
}
