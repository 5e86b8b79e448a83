using System.Globalization;
using Serverless.Cli.Datasets;
using Serverless.Domain.Events;
using Xunit;

namespace Serverless.Cli.Tests.Datasets;

/// <summary>The event source on the first 2,000 rows of the real file, checked against an independent computation.</summary>
public sealed class OnlineRetailEventSourceTests
{
    private static readonly OnlineRetailSample Sample = OnlineRetailSample.First2000;

    private static List<BehaviorEvent> Read(OnlineRetailOptions? options = null) =>
        new OnlineRetailEventSource(OnlineRetailSample.FilePath, (options ?? new OnlineRetailOptions()) with { MaxRows = OnlineRetailSample.Rows })
            .ReadEvents()
            .ToList();

    [Fact]
    public void Produces_one_purchase_event_per_invoice_with_its_purchase_lines()
    {
        var events = Read();
        var expected = Sample.PurchaseRows.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(expected.Keys.Order(), events.Select(e => e.OrderId!).Order());
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        foreach (var e in events)
        {
            var rows = expected[e.OrderId!];
            Assert.Equal("online-retail-" + e.OrderId, e.EventId);
            Assert.Equal(BehaviorEventType.Purchase, e.Type);
            Assert.Equal("GBP", e.Currency);
            Assert.Equal(TimeSpan.Zero, e.OccurredAt.Offset);
            Assert.Equal(
                rows.Select(r => DateTimeOffset.Parse(r[4] + "Z", CultureInfo.InvariantCulture)).Min(),
                e.OccurredAt);
            Assert.Equal(
                rows.Select(r => (r[1], int.Parse(r[3], CultureInfo.InvariantCulture), decimal.Parse(r[5], CultureInfo.InvariantCulture))),
                e.Lines!.Select(l => (l.ProductId, l.Quantity, l.UnitPrice)));
            Assert.All(e.Lines!, l => Assert.Null(l.Category));
        }

        // Chronological order, as a replay wants.
        Assert.Equal(events.Select(e => e.OccurredAt).Order(), events.Select(e => e.OccurredAt));
    }

    [Fact]
    public void Drops_cancellations_rows_without_customer_and_counts_every_row_once()
    {
        var source = new OnlineRetailEventSource(OnlineRetailSample.FilePath, new OnlineRetailOptions { MaxRows = OnlineRetailSample.Rows });
        var statistics = source.Plan().Statistics;
        var cancellations = Sample.RawRows.Count(r => r[0].StartsWith('C'));
        var withoutCustomer = Sample.RawRows.Count(r => !r[0].StartsWith('C') && r[6].Length == 0);

        Assert.True(cancellations > 0 && withoutCustomer > 0, "the sample should contain rows to drop");
        Assert.Equal(OnlineRetailSample.Rows, statistics.Rows);
        Assert.Equal(cancellations, statistics.DroppedCancellations);
        Assert.Equal(withoutCustomer, statistics.DroppedWithoutCustomer);
        Assert.Equal(Sample.PurchaseRows.Count(), statistics.PurchaseLines);
        Assert.Equal(
            statistics.Rows,
            statistics.PurchaseLines + statistics.DroppedCancellations + statistics.DroppedWithoutCustomer
            + statistics.DroppedNonPositiveQuantity + statistics.DroppedNonPositivePrice + statistics.DroppedMalformed);

        var events = source.ReadEvents().ToList();
        Assert.DoesNotContain(events, e => e.OrderId!.StartsWith('C'));
        Assert.All(events.SelectMany(e => e.Lines!), l => Assert.True(l.Quantity > 0 && l.UnitPrice > 0));
    }

    [Fact]
    public void Normalises_customer_ids_to_integers()
    {
        var events = Read();
        var expected = Sample.PurchaseRows.Select(r => OnlineRetailSample.CustomerId(r[6])).ToHashSet();

        Assert.Contains(Sample.RawRows, r => r[6].EndsWith(".0", StringComparison.Ordinal));
        Assert.All(events, e => Assert.Matches("^[1-9][0-9]*$", e.UserId));
        Assert.Equal(expected.Order(), events.Select(e => e.UserId).Distinct().Order());
        Assert.Contains(events, e => e.UserId == "17850");
    }

    [Fact]
    public void Revenue_per_customer_equals_an_independent_computation()
    {
        var expected = Sample.RevenueByCustomer();
        var actual = Read()
            .GroupBy(e => e.UserId)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Lines!).Sum(l => l.Quantity * l.UnitPrice));

        Assert.Equal(expected.Count, actual.Count);
        foreach (var (customer, revenue) in expected)
        {
            Assert.Equal(revenue, actual[customer]);
        }
    }

    [Fact]
    public void Plan_totals_match_the_events_read()
    {
        var source = new OnlineRetailEventSource(
            OnlineRetailSample.FilePath, new OnlineRetailOptions { MaxRows = OnlineRetailSample.Rows, CustomerSampleSize = 15 });
        var plan = source.Plan();
        var events = source.ReadEvents().ToList();

        Assert.Equal(15, plan.SelectedCustomers.Count);
        Assert.Equal(plan.EventCount, events.Count);
        Assert.Equal(plan.LineCount, events.Sum(e => e.Lines!.Count));
        Assert.Equal(plan.Revenue, events.SelectMany(e => e.Lines!).Sum(l => l.Total));
        Assert.Equal(plan.SelectedCustomers.Order(), events.Select(e => e.UserId).Distinct().Order());
        Assert.Equal(Sample.RevenueByCustomer().Count, plan.EligibleCustomers);
    }

    [Fact]
    public void Customer_sample_is_deterministic_for_a_seed_and_differs_for_another()
    {
        var first = Read(new OnlineRetailOptions { CustomerSampleSize = 10, Seed = 42 });
        var again = Read(new OnlineRetailOptions { CustomerSampleSize = 10, Seed = 42 });
        var other = Read(new OnlineRetailOptions { CustomerSampleSize = 10, Seed = 7 });
        var all = Read().Select(e => e.UserId).ToHashSet();

        var firstCustomers = first.Select(e => e.UserId).ToHashSet();
        var otherCustomers = other.Select(e => e.UserId).ToHashSet();
        Assert.Equal(10, firstCustomers.Count);
        Assert.Equal(10, otherCustomers.Count);
        Assert.True(all.Count > 20, $"the sample has {all.Count} customers");
        Assert.Equal(first.Select(e => e.EventId), again.Select(e => e.EventId));
        Assert.False(firstCustomers.SetEquals(otherCustomers));
        Assert.Subset(all, firstCustomers);

        // Every event of a selected customer is kept.
        var everyEvent = Read().Where(e => firstCustomers.Contains(e.UserId)).Select(e => e.EventId);
        Assert.Equal(everyEvent, first.Select(e => e.EventId));
    }

    [Fact]
    public void Shift_puts_the_latest_event_at_the_given_instant_and_keeps_gaps()
    {
        var now = new DateTimeOffset(2030, 1, 15, 9, 30, 0, TimeSpan.Zero);
        var original = Read();
        var shifted = Read(new OnlineRetailOptions { ShiftLatestTo = now });

        Assert.Equal(now, shifted.Max(e => e.OccurredAt));
        Assert.Equal(original.Select(e => e.EventId), shifted.Select(e => e.EventId));
        var offset = now - original.Max(e => e.OccurredAt);
        Assert.All(original.Zip(shifted), pair => Assert.Equal(pair.First.OccurredAt + offset, pair.Second.OccurredAt));
        var gaps = original.Zip(original.Skip(1), (a, b) => b.OccurredAt - a.OccurredAt);
        var shiftedGaps = shifted.Zip(shifted.Skip(1), (a, b) => b.OccurredAt - a.OccurredAt);
        Assert.Equal(gaps, shiftedGaps);
        Assert.Contains(gaps, gap => gap > TimeSpan.Zero);
    }

    [Fact]
    public void Time_window_keeps_invoices_from_inclusive_to_exclusive()
    {
        var from = new DateTimeOffset(2010, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2010, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var all = Read();
        var window = Read(new OnlineRetailOptions { From = from, To = to });

        Assert.NotEmpty(window);
        Assert.True(window.Count < all.Count);
        Assert.Equal(all.Where(e => e.OccurredAt >= from && e.OccurredAt < to).Select(e => e.EventId), window.Select(e => e.EventId));
    }

    [Fact]
    public void Every_event_satisfies_the_api_contract()
    {
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var events = Read(new OnlineRetailOptions { ShiftLatestTo = now });

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Empty(BehaviorEventValidator.Validate(e, now)));
    }

    [Fact]
    public void Finds_the_shared_dataset_from_the_test_folder()
    {
        var found = OnlineRetailEventSource.FindDefaultFile();

        Assert.NotNull(found);
        Assert.Equal(Path.GetFullPath(OnlineRetailSample.FilePath), Path.GetFullPath(found));
    }
}
