using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Serverless.Cli.Forecasting;

/// <summary>
/// Runs bench/peers/forecast_r.R (R's forecast::ets and forecast::auto.arima) on the same training series in the same
/// command and reads back its forecasts and per-series times.
/// </summary>
internal static class RForecastPeer
{
    public static readonly string[] Models = ["ets", "auto.arima"];

    /// <returns>Per model, per series id: the forecast and the seconds R spent on it; and the wall time of the whole run.</returns>
    public static async Task<(Dictionary<string, Dictionary<string, (ForecastValues Forecast, double Seconds)>> Results, TimeSpan Wall, string Log)> RunAsync(
        string rscript, string script, IReadOnlyList<EvaluationSeries> training, int horizon, int frequency, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("forecast-peer-");
        try
        {
            var input = Path.Combine(folder.FullName, "train.csv");
            var output = Path.Combine(folder.FullName, "forecasts.csv");
            await using (var writer = new StreamWriter(input))
            {
                await writer.WriteLineAsync("series_id,value").ConfigureAwait(false);
                foreach (var series in training)
                {
                    foreach (var value in series.Values)
                    {
                        await writer.WriteLineAsync($"{Quote(series.Id)},{value.ToString("R", CultureInfo.InvariantCulture)}").ConfigureAwait(false);
                    }
                }
            }

            var start = new ProcessStartInfo(rscript) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
                     {
                         script, input, horizon.ToString(CultureInfo.InvariantCulture), frequency.ToString(CultureInfo.InvariantCulture), output,
                         string.Join(",", Models),
                     })
            {
                start.ArgumentList.Add(argument);
            }

            var stopwatch = Stopwatch.StartNew();
            Process? process;
            try
            {
                process = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                throw new IOException($"Could not start {rscript} ({exception.Message}); install R and the forecast package: apt-get install -y r-cran-forecast.", exception);
            }

            using (process)
            {
                if (process is null)
                {
                    throw new IOException($"Could not start {rscript}.");
                }

                var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
                try
                {
                    await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw;
                }

                stopwatch.Stop();
                await standardOutput.ConfigureAwait(false);
                var log = (await standardError.ConfigureAwait(false)).Trim();
                if (process.ExitCode != 0)
                {
                    var last = log.Split('\n').LastOrDefault() ?? string.Empty;
                    throw new IOException($"The R peer failed (exit {process.ExitCode}): {last}" +
                                          (log.Contains("forecast", StringComparison.Ordinal) ? " (install it: apt-get install -y r-cran-forecast)" : string.Empty));
                }

                return (ReadForecasts(output, horizon), stopwatch.Elapsed, log);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Dictionary<string, Dictionary<string, (ForecastValues, double)>> ReadForecasts(string path, int horizon)
    {
        var rows = new Dictionary<(string Model, string Id), (double[][] Columns, double Seconds)>();
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var model = csv.GetField("model") ?? string.Empty;
            var id = csv.GetField("series_id") ?? string.Empty;
            var step = int.Parse(csv.GetField("step") ?? "0", CultureInfo.InvariantCulture);
            if (step < 1 || step > horizon)
            {
                throw new InvalidDataException($"The R peer wrote step {step} for {id} (horizon {horizon}).");
            }

            if (!rows.TryGetValue((model, id), out var entry))
            {
                entry = (Enumerable.Range(0, 5).Select(_ => new double[horizon]).ToArray(), Number(csv, "seconds"));
                rows[(model, id)] = entry;
            }

            var columns = new[] { "mean", "lo80", "hi80", "lo95", "hi95" };
            for (var c = 0; c < columns.Length; c++)
            {
                entry.Columns[c][step - 1] = Number(csv, columns[c]);
            }
        }

        return rows
            .GroupBy(pair => pair.Key.Model, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => group.ToDictionary(
                    pair => pair.Key.Id,
                    pair => (new ForecastValues(pair.Value.Columns[0], pair.Value.Columns[1], pair.Value.Columns[2], pair.Value.Columns[3], pair.Value.Columns[4]), pair.Value.Seconds),
                    StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    private static double Number(CsvReader csv, string column)
    {
        var text = csv.GetField(column) ?? string.Empty;
        // R writes NA for an interval it could not compute; keep it as NaN so the scores show it.
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
    }

    private static string Quote(string value) =>
        value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
