using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Serverless.Cli.Datasets;
using Serverless.Cli.Tests.Datasets;
using Serverless.Cli.Tests.Http;
using Serverless.Domain.Events;
using Serverless.Domain.Json;
using Xunit;

namespace Serverless.Cli.Tests.Events;

public sealed class CommandLineTests
{
    private static long Measure(string output, string label)
    {
        var match = Regex.Match(output, Regex.Escape(label) + @"\s*│\s*([\d,]+(?:\.\d+)?)");
        Assert.True(match.Success, $"'{label}' not found in:\n{output}");
        return (long)decimal.Parse(match.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("events", "--help")]
    [InlineData("events", "replay-online-retail", "--help")]
    public async Task Help_exits_zero(params string[] args)
    {
        var (exitCode, output) = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("events", "replay-online-retail", "--no-such-option")]
    [InlineData("events", "replay-online-retail", "--batch-size", "501")]
    [InlineData("events", "replay-online-retail", "--customers", "-1")]
    [InlineData("events", "replay-online-retail", "--now", "yesterday-ish")]
    [InlineData("events", "replay-online-retail", "--url", "not a url")]
    [InlineData("events", "post")]
    [InlineData("events", "post", "--file", "/no/such/file.jsonl")]
    [InlineData("events")]
    [InlineData("no-such-command")]
    public async Task Usage_errors_exit_two(params string[] args)
    {
        var (exitCode, _) = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
    }

    [Fact]
    public async Task Dry_run_prints_the_counts_without_posting()
    {
        var expected = new OnlineRetailEventSource(
            OnlineRetailSample.FilePath, new OnlineRetailOptions { MaxRows = OnlineRetailSample.Rows }).Plan();

        var (exitCode, output) = await CliRunner.RunAsync(
            "events", "replay-online-retail", "--file", OnlineRetailSample.FilePath, "--max-rows", "2000",
            "--customers", "0", "--dry-run", "--url", "http://127.0.0.1:9");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Dry run", output, StringComparison.Ordinal);
        Assert.Equal(expected.EventCount, Measure(output, "Events"));
        Assert.Equal(expected.SelectedCustomers.Count, Measure(output, "Customers"));
        Assert.Equal(expected.LineCount, Measure(output, "Purchase lines"));
        Assert.Equal((long)expected.Revenue, Measure(output, "Revenue"));
        Assert.Equal(1, Measure(output, "Batches (would send)"));
        Assert.Equal(0, Measure(output, "Events the API would refuse"));
        Assert.Contains("Last event", output, StringComparison.Ordinal);
        Assert.Contains("2030-06-01 12:00:00Z", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_posts_the_sampled_customers_to_a_running_host_with_the_environment_key()
    {
        await using var server = await EventsTestServer.StartAsync();
        var environment = new Dictionary<string, string> { ["SERVERLESS_FUNCTION_KEY"] = "from-env" };

        var (exitCode, output) = await CliRunner.RunAsync(
            environment,
            "events", "replay-online-retail", "--file", OnlineRetailSample.FilePath, "--max-rows", "2000",
            "--customers", "5", "--seed", "3", "--batch-size", "4", "--url", server.BaseAddress.ToString());

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(5, server.Accepted.Select(e => e.UserId).Distinct().Count());
        Assert.Equal(server.Accepted.Count, Measure(output, "Accepted"));
        Assert.Equal((server.Accepted.Count + 3) / 4, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("from-env", r.FunctionKey));
        Assert.Equal(CliRunner.Now, server.Accepted.Max(e => e.OccurredAt));
    }

    [Fact]
    public async Task Post_sends_a_json_lines_file_and_an_explicit_key_wins()
    {
        await using var server = await EventsTestServer.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"events-{Guid.NewGuid():N}.jsonl");
        var events = Enumerable.Range(1, 7).Select(i => new BehaviorEvent
        {
            EventId = $"view-{i}",
            UserId = "u1",
            Type = BehaviorEventType.View,
            OccurredAt = CliRunner.Now.AddMinutes(-i),
            ProductId = $"p{i}",
        });
        await File.WriteAllLinesAsync(path, events.Select(e => JsonSerializer.Serialize(e, DomainJson.Options)).Append(string.Empty));
        try
        {
            var (exitCode, output) = await CliRunner.RunAsync(
                new Dictionary<string, string> { ["SERVERLESS_FUNCTION_KEY"] = "from-env" },
                "events", "post", "--file", path, "--url", server.BaseAddress.ToString(), "--key", "explicit");

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Equal(7, Measure(output, "Events"));
            Assert.Equal(Enumerable.Range(1, 7).Select(i => $"view-{i}"), server.Accepted.Select(e => e.EventId));
            Assert.Equal("explicit", Assert.Single(server.Requests).FunctionKey);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_refused_batch_exits_one_with_the_problem_text()
    {
        await using var server = await EventsTestServer.StartAsync();
        server.FailNext(400, """{"title":"One or more fields are invalid.","status":400,"errors":{"[0].userId":["is required"]}}""");
        var path = Path.Combine(Path.GetTempPath(), $"events-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(
            path, """{"eventId":"e1","userId":"u1","type":"view","occurredAt":"2024-01-01T00:00:00Z","productId":"p1"}""");
        try
        {
            var (exitCode, output) = await CliRunner.RunAsync("events", "post", "--file", path, "--url", server.BaseAddress.ToString());

            Assert.Equal(ExitCodes.Failure, exitCode);
            Assert.Contains("[0].userId: is required", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Dry_run_of_a_file_with_an_event_the_api_would_refuse_exits_one()
    {
        var path = Path.Combine(Path.GetTempPath(), $"events-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(path,
        [
            """{"eventId":"e1","userId":"u1","type":"view","occurredAt":"2024-01-01T00:00:00Z","productId":"p1"}""",
            """{"eventId":"e2","userId":"u1","type":"purchase","occurredAt":"2024-01-01T00:00:00Z","orderId":"o1","currency":"GBP"}""",
        ]);
        try
        {
            var (exitCode, output) = await CliRunner.RunAsync("events", "post", "--file", path, "--dry-run");

            Assert.Equal(ExitCodes.Failure, exitCode);
            Assert.Equal(1, Measure(output, "Events the API would refuse"));
            Assert.Contains("e2: lines", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_malformed_json_lines_file_exits_one_naming_the_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"events-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(
            path, ["""{"eventId":"e1","userId":"u1","type":"view","occurredAt":"2024-01-01T00:00:00Z"}""", "{not json"]);
        try
        {
            var (exitCode, output) = await CliRunner.RunAsync("events", "post", "--file", path, "--dry-run");

            Assert.Equal(ExitCodes.Failure, exitCode);
            Assert.Contains(":2:", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
