using System.Globalization;
using Serverless.Domain.Events;

namespace Serverless.Cli.Datasets;

/// <summary>
/// Replays the UCI Online Retail transactions (../shared/datasets/online_retail_uci) as purchase events: one event per
/// invoice of a known customer that keeps at least one line with positive quantity and price; cancellations ("C...")
/// and other rows are dropped.
/// <para>The API takes at most <see cref="BehaviorEventValidator.MaxLines"/> lines per event, so an invoice with more
/// (three in the file, all of customer 14096) is cut into parts: the first keeps the invoice's ids, part n adds "-n" to
/// both the event id and the order id. Every line and all revenue are kept; that customer's order count grows.</para>
/// <para>The file is streamed twice: <see cref="Plan"/> picks the customers and the time shift, <see cref="ReadEvents"/>
/// produces the events in file (chronological) order. Memory holds only the invoices still open while streaming
/// (see <see cref="OnlineRetailInvoiceGrouping.RowWindow"/>) and per-customer totals.</para>
/// </summary>
public sealed class OnlineRetailEventSource
{
    public const string EventIdPrefix = "online-retail-";

    public const string Currency = "GBP";

    /// <summary>Lines per purchase event: the API's limit.</summary>
    public const int MaxLinesPerEvent = BehaviorEventValidator.MaxLines;

    /// <summary>Where the dataset lives relative to the folder that holds the repository.</summary>
    public static readonly string DefaultRelativePath =
        Path.Combine("shared", "datasets", "online_retail_uci", "online_retail.csv.gz");

    private OnlineRetailPlan? _plan;

    public OnlineRetailEventSource(string filePath, OnlineRetailOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        options ??= new OnlineRetailOptions();
        if (options.CustomerSampleSize is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.CustomerSampleSize, "CustomerSampleSize cannot be negative.");
        }

        if (options.MaxRows is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRows, "MaxRows must be positive.");
        }

        if (options is { From: { } from, To: { } to } && from >= to)
        {
            throw new ArgumentException($"The window is empty: From ({from:O}) is not before To ({to:O}).", nameof(options));
        }

        FilePath = filePath;
        Options = options;
    }

    public string FilePath { get; }

    public OnlineRetailOptions Options { get; }

    /// <summary>
    /// Looks for shared/datasets/online_retail_uci/online_retail.csv.gz beside any ancestor of the current directory or
    /// of the application's folder (so it is found from the repository, its bin folders and the tests).
    /// </summary>
    public static string? FindDefaultFile()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>First pass (cached): statistics, the customer sample, the event count and the time shift.</summary>
    public OnlineRetailPlan Plan(CancellationToken cancellationToken = default)
    {
        if (_plan is { } cached)
        {
            return cached;
        }

        var counts = new OnlineRetailRowCounts();
        var perCustomer = new Dictionary<string, OnlineRetailCustomerTotals>(StringComparer.Ordinal);
        var allCustomers = new HashSet<string>(StringComparer.Ordinal);
        var invoices = 0;
        var splitInvoices = 0;

        foreach (var invoice in ReadInvoices(counts, cancellationToken))
        {
            invoices++;
            splitInvoices += invoice.Lines.Count > MaxLinesPerEvent ? 1 : 0;
            allCustomers.Add(invoice.CustomerId);
            if (!InWindow(invoice.OccurredAt))
            {
                continue;
            }

            perCustomer[invoice.CustomerId] = perCustomer.TryGetValue(invoice.CustomerId, out var totals)
                ? totals.With(invoice)
                : OnlineRetailCustomerTotals.Of(invoice);
        }

        var selected = CustomerSample.Select(perCustomer.Keys, Options.CustomerSampleSize, Options.Seed);
        var chosen = selected.Select(id => perCustomer[id]).ToList();
        DateTimeOffset? earliest = chosen.Count == 0 ? null : chosen.Min(c => c.Earliest);
        DateTimeOffset? latest = chosen.Count == 0 ? null : chosen.Max(c => c.Latest);

        _plan = new OnlineRetailPlan
        {
            Statistics = new OnlineRetailStatistics
            {
                Rows = counts.Rows,
                PurchaseLines = counts.PurchaseLines,
                DroppedWithoutCustomer = counts.WithoutCustomer,
                DroppedCancellations = counts.Cancellations,
                DroppedNonPositiveQuantity = counts.NonPositiveQuantity,
                DroppedNonPositivePrice = counts.NonPositivePrice,
                DroppedMalformed = counts.Malformed,
                PurchaseInvoices = invoices,
                SplitInvoices = splitInvoices,
                Customers = allCustomers.Count,
            },
            EligibleCustomers = perCustomer.Count,
            SelectedCustomers = selected,
            EventCount = chosen.Sum(c => c.Events),
            LineCount = chosen.Sum(c => c.Lines),
            Revenue = chosen.Sum(c => c.Revenue),
            Earliest = earliest,
            Latest = latest,
            Shift = Options.ShiftLatestTo is { } target && latest is { } last ? target - last : TimeSpan.Zero,
        };
        return _plan;
    }

    /// <summary>Second pass: the purchase events of the selected customers, chronologically, shifted by the plan.</summary>
    public IEnumerable<BehaviorEvent> ReadEvents(CancellationToken cancellationToken = default)
    {
        var plan = Plan(cancellationToken);
        foreach (var invoice in ReadInvoices(new OnlineRetailRowCounts(), cancellationToken))
        {
            if (InWindow(invoice.OccurredAt) && plan.SelectedCustomers.Contains(invoice.CustomerId))
            {
                foreach (var purchase in ToEvents(invoice, plan.Shift))
                {
                    yield return purchase;
                }
            }
        }
    }

    private IEnumerable<OnlineRetailInvoice> ReadInvoices(OnlineRetailRowCounts counts, CancellationToken cancellationToken) =>
        OnlineRetailInvoiceGrouping.Group(
            OnlineRetailCsv.ReadPurchaseLines(FilePath, Options.MaxRows, counts, cancellationToken));

    private bool InWindow(DateTimeOffset occurredAt) =>
        (Options.From is not { } from || occurredAt >= from) && (Options.To is not { } to || occurredAt < to);

    private static IEnumerable<BehaviorEvent> ToEvents(OnlineRetailInvoice invoice, TimeSpan shift)
    {
        var parts = PartCount(invoice.Lines.Count);
        for (var part = 1; part <= parts; part++)
        {
            var suffix = part == 1 ? string.Empty : "-" + part.ToString(CultureInfo.InvariantCulture);
            yield return new BehaviorEvent
            {
                EventId = EventIdPrefix + invoice.InvoiceNo + suffix,
                UserId = invoice.CustomerId,
                Type = BehaviorEventType.Purchase,
                OccurredAt = invoice.OccurredAt + shift,
                OrderId = invoice.InvoiceNo + suffix,
                Currency = Currency,
                Lines = parts == 1 ? invoice.Lines : invoice.Lines.Skip((part - 1) * MaxLinesPerEvent).Take(MaxLinesPerEvent).ToList(),
                Properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["country"] = invoice.Country },
            };
        }
    }

    internal static int PartCount(int lines) => (lines + MaxLinesPerEvent - 1) / MaxLinesPerEvent;
}
