using System.Diagnostics;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// Compiles infra/ with the real Bicep CLI (NuGet package Azure.Bicep.CommandLine.linux-x64, copied next to the tests),
/// as `az bicep build` would: no error and no warning, the linter clean, and main.parameters.json naming only
/// parameters the template declares and every one it requires.
/// </summary>
public sealed class BicepCompilerTests
{
    private static string MainTemplate => Path.Combine(RepositoryRoot.Path, "infra", "main.bicep");

    [Fact]
    public async Task Main_template_builds_without_errors_or_warnings()
    {
        var output = Path.Combine(Path.GetTempPath(), $"bicep-build-{Guid.NewGuid():N}");
        try
        {
            var result = await RunAsync("build", MainTemplate, "--outdir", output);

            Assert.True(result.ExitCode == 0, $"bicep build failed ({result.ExitCode}):\n{result.Error}{result.Output}");
            Assert.True(string.IsNullOrWhiteSpace(result.Error), $"bicep build reported:\n{result.Error}");
            using var template = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "main.json")));
            Assert.NotEqual(JsonValueKind.Undefined, template.RootElement.GetProperty("resources").ValueKind);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Every_template_passes_the_linter()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "infra"), "*.bicep", SearchOption.AllDirectories))
        {
            var result = await RunAsync("lint", file);

            Assert.True(result.ExitCode == 0 && string.IsNullOrWhiteSpace(result.Error), $"bicep lint {file} ({result.ExitCode}):\n{result.Error}{result.Output}");
        }
    }

    [Fact]
    public async Task The_parameters_file_sets_only_declared_parameters_and_every_required_one()
    {
        var output = Path.Combine(Path.GetTempPath(), $"bicep-build-{Guid.NewGuid():N}");
        try
        {
            var result = await RunAsync("build", MainTemplate, "--outdir", output);
            Assert.Equal(0, result.ExitCode);
            using var template = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "main.json")));
            using var parameters = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "infra", "main.parameters.json")));

            var declared = template.RootElement.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
            var given = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.All(given, name => Assert.True(declared.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare."));
            Assert.Empty(declared.Where(p => !p.Value.TryGetProperty("defaultValue", out _) && !given.Contains(p.Key)).Select(p => p.Key));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The Bicep CLI package referenced here is the linux-x64 build; run these tests on Linux x64.");
        }

        var cli = Path.Combine(AppContext.BaseDirectory, "bicep-cli", "bicep");
        Assert.True(File.Exists(cli), $"{cli} is missing: restore and build tests/Serverless.Deployment.Tests (it downloads Azure.Bicep.CommandLine.linux-x64).");
        // The package does not keep the executable bit.
        File.SetUnixFileMode(cli, File.GetUnixFileMode(cli) | UnixFileMode.UserExecute);

        var start = new ProcessStartInfo(cli, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No telemetry, and no attempt to reach a module registry or check for a newer version from this offline machine.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Bicep CLI.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
