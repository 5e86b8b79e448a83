using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Application;
using Serverless.Infrastructure;

// FunctionsApplication.CreateBuilder applies the worker defaults (ConfigureFunctionsWorkerDefaults); HTTP functions
// use HttpRequestData/HttpResponseData, so the ASP.NET Core integration (ConfigureFunctionsWebApplication) is not needed.
var builder = FunctionsApplication.CreateBuilder(args);

builder.Services.AddApplication(builder.Configuration);
builder.Services.AddInfrastructure(builder.Configuration);

if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    builder.Services
        .AddApplicationInsightsTelemetryWorkerService()
        .ConfigureFunctionsApplicationInsights();

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
}

builder.Build().Run();
