using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Serverless.Application;
using Serverless.Application.Telemetry;
using Serverless.Functions.Telemetry;
using Serverless.Infrastructure;
using Serverless.Infrastructure.Identity;

// FunctionsApplication.CreateBuilder applies the worker defaults (ConfigureFunctionsWorkerDefaults); HTTP functions
// use HttpRequestData/HttpResponseData, so the ASP.NET Core integration (ConfigureFunctionsWebApplication) is not needed.
var builder = FunctionsApplication.CreateBuilder(args);

// host.json is deployed next to the worker; read as configuration it gives the middleware maxDequeueCount (app
// settings AzureFunctionsJobHost__extensions__queues__* still override it, as for the runtime).
builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: true, reloadOnChange: false);

builder.Services.AddApplication(builder.Configuration);
builder.Services.AddInfrastructure(builder.Configuration);
builder.UseMiddleware<InvocationTelemetryMiddleware>();

var applicationInsights = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
if (!string.IsNullOrEmpty(applicationInsights))
{
    // Local authentication is disabled on the resource (infra/): ingestion needs an Entra token.
    var credential = ManagedIdentityCredentials.ForApplicationInsights(builder.Configuration);

    builder.Services
        .AddApplicationInsightsTelemetryWorkerService()
        .ConfigureFunctionsApplicationInsights();
    if (credential is not null)
    {
        builder.Services.Configure<TelemetryConfiguration>(configuration => configuration.SetAzureTokenCredential(credential));
    }

    // The Application Insights SDK adds a rule that keeps only warnings; the levels of host.json/appsettings apply instead.
    builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
    {
        var warningsOnly = options.Rules.FirstOrDefault(rule =>
            rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
        if (warningsOnly is not null)
        {
            options.Rules.Remove(warningsOnly);
        }
    });

    // The product's own meter (ApplicationMetrics) goes to the same resource, table customMetrics; logs and traces
    // stay with the Application Insights SDK above, so nothing is sent twice.
    builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
        .AddMeter(ApplicationMetrics.MeterName)
        .AddAzureMonitorMetricExporter(options => options.ConnectionString = applicationInsights, credential));
}

builder.Build().Run();
