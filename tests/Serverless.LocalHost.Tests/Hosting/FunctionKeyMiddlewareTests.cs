using System.Net;
using System.Text.Json;
using Serverless.LocalHost.Http;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests.Hosting;

[Collection(EmulatorCollection.Name)]
public sealed class FunctionKeyMiddlewareTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task A_request_without_a_key_gets_a_401_problem()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync("api/segments");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "/api/segments");
    }

    [Fact]
    public async Task A_request_with_a_wrong_key_gets_a_401_problem()
    {
        using var client = fixture.Host.CreateClient("not-the-function-key-0123456789");

        using var header = await client.GetAsync("api/segments");
        using var query = await fixture.Host.CreateClient().GetAsync("api/segments?code=not-the-function-key");

        await AssertProblemAsync(header, HttpStatusCode.Unauthorized, "/api/segments");
        await AssertProblemAsync(query, HttpStatusCode.Unauthorized, "/api/segments");
    }

    [Fact]
    public async Task The_key_in_the_x_functions_key_header_is_accepted()
    {
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/segments");
        request.Headers.Add("X-Functions-Key", LocalHostFixture.Key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_key_in_the_code_query_parameter_is_accepted()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync($"api/segments?code={Uri.EscapeDataString(LocalHostFixture.Key)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_is_anonymous()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_with_or_without_a_key()
    {
        using var anonymous = fixture.Host.CreateClient();
        using var keyed = fixture.Host.CreateClient(LocalHostFixture.Key);

        using var withoutKey = await anonymous.GetAsync("api/nothing-here");
        using var withKey = await keyed.GetAsync("api/nothing-here");
        using var wrongMethod = await keyed.DeleteAsync("api/segments");

        await AssertProblemAsync(withoutKey, HttpStatusCode.NotFound, "/api/nothing-here");
        await AssertProblemAsync(withKey, HttpStatusCode.NotFound, "/api/nothing-here");
        await AssertProblemAsync(wrongMethod, HttpStatusCode.NotFound, "/api/segments");
    }

    [Fact]
    public async Task A_disabled_http_function_answers_404()
    {
        using var client = fixture.Host.CreateClient(LocalHostFixture.Key);

        using var response = await client.GetAsync("api/users/u-1/profile");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "/api/users/u-1/profile");
    }

    [Fact]
    public async Task A_page_size_that_is_not_an_integer_is_a_400_problem_naming_it()
    {
        using var client = fixture.Host.CreateClient(LocalHostFixture.Key);

        using var response = await client.GetAsync("api/segments/champions/members?pageSize=ten");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "/api/segments/champions/members");
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public void The_host_refuses_to_start_without_a_function_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LocalHostApplication.Create([], new LocalHostOptions
        {
            LoadLocalSettings = false,
            Settings = [new("LocalHost:FunctionKey", "too-short")],
        }));

        Assert.Contains("LocalHost:FunctionKey", error.Message);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string instance)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemResponses.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = document.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Equal(instance, problem.GetProperty("instance").GetString());
        return problem;
    }
}
