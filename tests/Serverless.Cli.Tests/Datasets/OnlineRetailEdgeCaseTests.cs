using Serverless.Cli.Datasets;
using Xunit;

namespace Serverless.Cli.Tests.Datasets;

public sealed class OnlineRetailEdgeCaseTests
{
    private const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    [Fact]
    public void Drops_bad_lines_and_invoices_left_without_lines()
    {
        using var csv = new TemporaryCsv(
        [
            Header,
            "100,A1,\"PLATE, BLUE\",2,2011-01-01 10:00:00,1.50,12345.0,France",
            "100,A2,\"MUG \"\"LARGE\"\", RED\",1,2011-01-01 10:00:00,3.00,12345.0,France",
            "101,A1,PLATE,0,2011-01-01 11:00:00,1.50,22222.0,France",
            "101,A3,FREE GIFT,1,2011-01-01 11:00:00,0.00,22222.0,France",
            "C102,A1,PLATE,-1,2011-01-02 09:00:00,1.50,12345.0,France",
            "103,A1,PLATE,1,2011-01-02 10:00:00,1.50,,United Kingdom",
            "104,A4,LAMP,x,2011-01-02 10:00:00,5.00,33333.0,Spain",
            "104,A5,LAMP,1,not-a-date,5.00,33333.0,Spain",
            "104,A6,SHADE,3,2011-01-02 10:05:00,2.25,33333,Spain",
            "105,A7,\"TABLE, OAK\",1,2011-01-03 08:00:00,10.00,12.5,Spain",
        ]);
        var source = new OnlineRetailEventSource(csv.Path);

        var events = source.ReadEvents().ToList();
        var statistics = source.Plan().Statistics;

        Assert.Equal(["online-retail-100", "online-retail-104"], events.Select(e => e.EventId));
        Assert.Equal(["12345", "33333"], events.Select(e => e.UserId));
        Assert.Equal(6.00m, events[0].Lines!.Sum(l => l.Total));
        Assert.Equal(["A1", "A2"], events[0].Lines!.Select(l => l.ProductId));
        Assert.Equal(6.75m, events[1].Lines!.Single().Total);
        Assert.Equal(new DateTimeOffset(2011, 1, 2, 10, 5, 0, TimeSpan.Zero), events[1].OccurredAt);
        Assert.Equal("Spain", events[1].Properties!["country"]);
        Assert.Equal(
            (10L, 3L, 1L, 1L, 1L, 1L, 3L, 2, 0, 2),
            (statistics.Rows, statistics.PurchaseLines, statistics.DroppedCancellations, statistics.DroppedWithoutCustomer,
             statistics.DroppedNonPositiveQuantity, statistics.DroppedNonPositivePrice, statistics.DroppedMalformed,
             statistics.PurchaseInvoices, statistics.SplitInvoices, statistics.Customers));
    }

    [Fact]
    public void Groups_an_invoice_whose_lines_are_interleaved_with_another_in_the_real_file()
    {
        // Rows 78,087-78,095 of the real file: invoice 542806 is interrupted by two lines of cancellation C542805.
        var events = new OnlineRetailEventSource(OnlineRetailSample.FilePath, new OnlineRetailOptions { MaxRows = 78_200 })
            .ReadEvents()
            .ToList();

        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        var invoice = Assert.Single(events, e => e.OrderId == "542806");
        Assert.Equal("12836", invoice.UserId);
        Assert.Contains(invoice.Lines!, l => l.ProductId == "48188");
        Assert.Contains(invoice.Lines!, l => l.ProductId == "22692");
        Assert.Equal(new DateTimeOffset(2011, 2, 1, 11, 19, 0, TimeSpan.Zero), invoice.OccurredAt);
    }

    [Fact]
    public void An_invoice_that_reappears_far_away_is_reported_instead_of_duplicated()
    {
        var lines = new List<string> { Header, "1,A1,PLATE,1,2011-01-01 10:00:00,1.00,1.0,France" };
        lines.AddRange(Enumerable.Range(2, OnlineRetailInvoiceGrouping.RowWindow + 1)
            .Select(i => $"{i},A1,PLATE,1,2011-01-01 10:00:00,1.00,1.0,France"));
        lines.Add("1,A2,PLATE,1,2011-01-01 10:00:00,1.00,1.0,France");
        using var csv = new TemporaryCsv(lines);

        var error = Assert.Throws<InvalidDataException>(() => new OnlineRetailEventSource(csv.Path).Plan());

        Assert.Contains("invoice 1 reappears", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invoice_with_more_lines_than_the_api_takes_is_cut_into_parts()
    {
        var lines = new List<string> { Header };
        lines.AddRange(Enumerable.Range(1, OnlineRetailEventSource.MaxLinesPerEvent + 1)
            .Select(i => $"700,P{i},ITEM,1,2011-05-01 10:00:00,{i}.00,14096.0,United Kingdom"));
        lines.Add("701,P1,ITEM,2,2011-05-02 10:00:00,1.00,14096.0,United Kingdom");
        using var csv = new TemporaryCsv(lines);
        var source = new OnlineRetailEventSource(csv.Path);

        var events = source.ReadEvents().ToList();

        Assert.Equal(["online-retail-700", "online-retail-700-2", "online-retail-701"], events.Select(e => e.EventId));
        Assert.Equal(["700", "700-2", "701"], events.Select(e => e.OrderId!));
        Assert.Equal([500, 1, 1], events.Select(e => e.Lines!.Count));
        Assert.Equal("P501", events[1].Lines![0].ProductId);
        Assert.Equal(events[0].OccurredAt, events[1].OccurredAt);
        Assert.Equal(501 * 502 / 2 + 2, events.SelectMany(e => e.Lines!).Sum(l => l.Total));
        Assert.Equal((3, 1), (source.Plan().EventCount, source.Plan().Statistics.SplitInvoices));
    }

    [Fact]
    public void A_file_without_the_expected_columns_is_rejected_with_their_names()
    {
        using var csv = new TemporaryCsv(["Invoice,Code,Qty", "1,A,1"]);

        var error = Assert.Throws<InvalidDataException>(() => new OnlineRetailEventSource(csv.Path).Plan());

        Assert.Contains("InvoiceNo", error.Message, StringComparison.Ordinal);
        Assert.Contains("CustomerID", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("17850.0", "17850")]
    [InlineData("17850", "17850")]
    [InlineData(" 12346.0 ", "12346")]
    [InlineData("12.5", null)]
    [InlineData("-3.0", null)]
    [InlineData("abc", null)]
    public void Customer_ids_are_normalised_to_positive_integers(string raw, string? expected) =>
        Assert.Equal(expected, OnlineRetailCsv.NormaliseCustomerId(raw.Trim()));

    [Fact]
    public void Customer_sample_of_n_is_contained_in_the_sample_of_n_plus_one()
    {
        var ids = Enumerable.Range(10_000, 500).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var small = CustomerSample.Select(ids, 20, 42);
        var larger = CustomerSample.Select(ids, 21, 42);

        Assert.Equal(20, small.Count);
        Assert.Subset(larger.ToHashSet(), small.ToHashSet());
        Assert.Equal(500, CustomerSample.Select(ids, null, 42).Count);
        Assert.NotEqual(CustomerSample.Rank("17850", 42), CustomerSample.Rank("17850", 43));
    }
}
