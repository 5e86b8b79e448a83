using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Application;
using Serverless.Infrastructure;
using Serverless.Infrastructure.Storage;
using Serverless.LocalHost.Configuration;
using Serverless.LocalHost.Http;
using Serverless.LocalHost.Queues;
using Serverless.LocalHost.Startup;
using Serverless.LocalHost.Timers;

namespace Serverless.LocalHost;

/// <summary>
/// Builds the local host: the HTTP functions on Kestrel, a queue listener per queue function and a scheduler per timer
/// function, all calling the same Application handlers as the Functions host. Settings come from appsettings.json,
/// local.settings.json (<c>Values</c>), environment variables and the command line, in that order of precedence.
/// </summary>
public static class LocalHostApplication
{
    public const string DefaultUrl = "http://localhost:7071";

    public static WebApplication Create(string[] args, LocalHostOptions? options = null)
    {
        options ??= new LocalHostOptions();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json and host.json are copied next to the executable; the working directory may be anywhere.
            ContentRootPath = AppContext.BaseDirectory,
        });

        AddSettings(builder, args, options);
        var configuration = builder.Configuration;
        if (options.Url is not null)
        {
            builder.WebHost.UseUrls(options.Url);
        }
        else if (!HasConfiguredUrls(configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var hostJson = HostJsonReader.Load(
            configuration[LocalHostSettings.HostJsonPath] ?? Path.Combine(AppContext.BaseDirectory, "host.json"),
            configuration);
        var services = builder.Services;
        services.AddSingleton(ReadFunctionKey(configuration));
        services.AddSingleton(hostJson);
        services.TryAddSingleton(TimeProvider.System);
        // Producers (the queue publisher) encode messages the way the listeners decode them, per host.json.
        services.TryAddSingleton(new StorageClientOptions { MessageEncoding = hostJson.Queues.MessageEncoding });
        services.AddApplication(configuration);
        services.AddInfrastructure(configuration);
        services.TryAddSingleton(_ => StorageAccount.FromConfiguration(configuration));
        AddTriggers(services, configuration, hostJson);
        options.ConfigureServices?.Invoke(services);

        var app = builder.Build();
        app.UseMiddleware<ProblemExceptionMiddleware>();
        app.UseRouting();
        app.UseMiddleware<FunctionKeyMiddleware>();
        FunctionEndpoints.Map(app, hostJson.RoutePrefix, name => !LocalHostSettings.IsDisabled(configuration, name));
        return app;
    }

    /// <summary>
    /// Builds and starts a host in process (for end-to-end tests and benchmarks): listens on <paramref name="url"/>
    /// (use <c>http://127.0.0.1:0</c> for a free port), with <paramref name="settings"/> over the defaults and without
    /// reading local.settings.json. Dispose the result to stop it.
    /// </summary>
    public static async Task<RunningLocalHost> StartAsync(
        string url,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        var app = Create([], new LocalHostOptions
        {
            Url = url,
            Settings = settings ?? [],
            LoadLocalSettings = false,
            ConfigureServices = configureServices,
        });

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        // Once started, Urls holds the bound addresses, with the real port when 0 was asked for.
        var address = app.Urls.First();
        return new RunningLocalHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static void AddSettings(WebApplicationBuilder builder, string[] args, LocalHostOptions options)
    {
        if (options.LoadLocalSettings)
        {
            var path = builder.Configuration[LocalHostSettings.LocalSettingsPath];
            path ??= File.Exists(LocalSettingsFile.FileName) ? Path.GetFullPath(LocalSettingsFile.FileName) : null;
            if (path is not null)
            {
                builder.Configuration.AddInMemoryCollection(LocalSettingsFile.ReadValues(path));

                // Environment variables and the command line keep precedence over the file, as with func start.
                builder.Configuration.AddEnvironmentVariables();
                builder.Configuration.AddCommandLine(args);
            }
        }

        builder.Configuration.AddInMemoryCollection(options.Settings);
    }

    private static bool HasConfiguredUrls(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["urls"])
        || !string.IsNullOrEmpty(configuration["http_ports"])
        || !string.IsNullOrEmpty(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();

    private static FunctionKey ReadFunctionKey(IConfiguration configuration)
    {
        // Refusing to start is safer than inventing a key that would have to be fished out of the log.
        var key = configuration[LocalHostSettings.FunctionKey];
        if (string.IsNullOrWhiteSpace(key) || key.Trim().Length < FunctionKey.MinimumLength)
        {
            throw new InvalidOperationException(
                $"{LocalHostSettings.FunctionKey} must be set to a key of at least {FunctionKey.MinimumLength} characters " +
                "(in local.settings.json Values, or the environment variable LocalHost__FunctionKey). " +
                "Every route but /api/health requires it in the x-functions-key header or the code query parameter.");
        }

        return new FunctionKey(key);
    }

    private static void AddTriggers(IServiceCollection services, IConfiguration configuration, HostJsonOptions hostJson)
    {
        services.AddSingleton<IHostedService, QueueInitializationService>();
        foreach (var trigger in LocalFunctions.QueueTriggers(configuration).Where(t => !LocalHostSettings.IsDisabled(configuration, t.FunctionName)))
        {
            // AddSingleton rather than AddHostedService: the latter keeps a single instance per implementation type.
            services.AddSingleton<IHostedService>(provider => new QueueListener(
                trigger,
                provider.GetRequiredService<StorageAccount>(),
                hostJson.Queues,
                provider,
                provider.GetRequiredService<ILogger<QueueListener>>()));
        }

        foreach (var trigger in LocalFunctions.TimerTriggers(configuration).Where(t => !LocalHostSettings.IsDisabled(configuration, t.FunctionName)))
        {
            services.AddSingleton<IHostedService>(provider => new TimerTriggerService(
                trigger,
                provider,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<TimerTriggerService>>()));
        }
    }
}
