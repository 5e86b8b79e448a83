namespace Serverless.Cli.Forecasting;

/// <summary>Where the forecasting commands find the shared datasets and the peer script by default.</summary>
internal static class ForecastFiles
{
    public static readonly string UciWeeklyRelativePath =
        Path.Combine("shared", "datasets", "uci_sales_transactions_weekly", "Sales_Transactions_Dataset_Weekly.csv");

    public static readonly string PeerScriptRelativePath = Path.Combine("bench", "peers", "forecast_r.R");

    /// <summary>The file at <paramref name="relative"/> above the current directory or the tool's folder, or null.</summary>
    public static string? FindAbove(string relative)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
