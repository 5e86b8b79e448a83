using Serverless.Application.Hosting;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Domain.Ports;
using Serverless.LocalHost.Http;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests.Hosting;

[Collection(EmulatorCollection.Name)]
public sealed class UnhandledExceptionTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_without_its_details()
    {
        var settings = emulators.Settings();
        settings["LocalHost:FunctionKey"] = LocalHostFixture.Key;
        settings[$"AzureWebJobs.{FunctionNames.ProcessEvent}.Disabled"] = "true";
        settings[$"AzureWebJobs.{FunctionNames.ProcessCatalog}.Disabled"] = "true";
        settings[$"AzureWebJobs.{FunctionNames.RecomputeRfmThresholds}.Disabled"] = "true";
        await using var host = await LocalHostApplication.StartAsync(
            "http://127.0.0.1:0",
            settings,
            services => services.Replace(ServiceDescriptor.Singleton<ISegmentRepository, FailingSegmentRepository>()));
        using var client = host.CreateClient(LocalHostFixture.Key);

        using var response = await client.GetAsync("api/segments");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(ProblemResponses.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("/api/segments", problem.RootElement.GetProperty("instance").GetString());
        Assert.DoesNotContain("10.1.2.3", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }
}
