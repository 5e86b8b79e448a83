using System.Globalization;
using System.IO.Compression;
using Serverless.Cli.Datasets;
using Serverless.Cli.Http;
using Serverless.Domain.Ports;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests.EndToEnd;

/// <summary>
/// Real purchases of a sample of UCI Online Retail customers, replayed through the HTTP API, must give each customer
/// exactly the revenue and order count that a direct reading of the file gives.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class OnlineRetailReplayEndToEndTests(EmulatorFixture emulators)
{
    private const int Customers = 12;
    private const int Seed = 2026;

    [Fact]
    public async Task ReplayedPurchases_GiveRevenueAndOrderCountsOfTheFile()
    {
        var file = Path.Combine(RepositoryRoot.Datasets, "online_retail_uci", "online_retail.csv.gz");
        var source = new OnlineRetailEventSource(file, new OnlineRetailOptions { CustomerSampleSize = Customers, Seed = Seed });
        var selected = source.Plan().SelectedCustomers;
        Assert.Equal(Customers, selected.Count);
        var expected = ReadExpectedTotals(file, selected);
        // Invoices of more than 500 lines are split into several events by the replay; this sample has none.
        Assert.All(expected.Values, totals => Assert.True(totals.MaxLinesPerInvoice <= 500));

        await using var host = await EndToEndHost.StartAsync(emulators);
        var poster = new EventPoster(host.Client, new EventPosterOptions { BaseAddress = host.Host.BaseAddress, FunctionKey = EndToEndHost.Key });
        var report = await poster.PostAsync(source.ReadEvents());
        Assert.Equal(expected.Values.Sum(t => t.Orders), report.Accepted);

        foreach (var (customer, totals) in expected)
        {
            var profile = await host.WaitForProfileAsync(customer, p => p.GetProperty("orderCount").GetInt32() >= totals.Orders, TimeSpan.FromMinutes(3));
            Assert.Equal(totals.Orders, profile.GetProperty("orderCount").GetInt32());
            Assert.Equal(totals.Revenue, profile.GetProperty("grossRevenue").GetDecimal());
            Assert.Equal(totals.Revenue, profile.GetProperty("netRevenue").GetDecimal());
        }

        await host.WaitForQueueDrainedAsync(QueueNames.Events);
        Assert.Equal(0, await host.QueueClient.GetApproximateMessageCountAsync(QueueNames.Poison(QueueNames.Events)));
    }

    /// <summary>
    /// An independent reading of the file: every line of a selected customer that is a sale (invoice not starting
    /// with "C", quantity and unit price above zero) adds quantity x price; each invoice is one order.
    /// </summary>
    private static Dictionary<string, CustomerTotals> ReadExpectedTotals(string file, IReadOnlySet<string> customers)
    {
        var revenue = new Dictionary<string, decimal>();
        var invoices = new Dictionary<string, Dictionary<string, int>>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
        reader.ReadLine();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var fields = SplitCsv(line);
            var customer = fields[6].Length == 0 ? null : ((long)double.Parse(fields[6], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
            if (customer is null || !customers.Contains(customer) || fields[0].StartsWith('C'))
            {
                continue;
            }

            var quantity = int.Parse(fields[3], CultureInfo.InvariantCulture);
            var price = decimal.Parse(fields[5], CultureInfo.InvariantCulture);
            if (quantity <= 0 || price <= 0)
            {
                continue;
            }

            revenue[customer] = revenue.GetValueOrDefault(customer) + quantity * price;
            var lines = invoices.TryGetValue(customer, out var known) ? known : invoices[customer] = [];
            lines[fields[0]] = lines.GetValueOrDefault(fields[0]) + 1;
        }

        return revenue.ToDictionary(
            pair => pair.Key,
            pair => new CustomerTotals(pair.Value, invoices[pair.Key].Count, invoices[pair.Key].Values.Max()));
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    private sealed record CustomerTotals(decimal Revenue, int Orders, int MaxLinesPerInvoice);
}
