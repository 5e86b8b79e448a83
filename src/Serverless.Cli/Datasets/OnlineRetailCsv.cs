using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Serverless.Cli.Datasets;

/// <summary>
/// Streams the purchase lines of the UCI Online Retail CSV (gzip or plain), dropping rows that are not purchases.
/// A dropped row is counted under the first reason that applies, in this order: cancellation invoice ("C..."),
/// no customer, unreadable or non-positive quantity, unreadable or non-positive price, unreadable date or customer id.
/// </summary>
internal static class OnlineRetailCsv
{
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    private static readonly string[] RequiredColumns =
        ["InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];

    public static IEnumerable<OnlineRetailLine> ReadPurchaseLines(
        string path, int? maxRows, OnlineRetailRowCounts counts, CancellationToken cancellationToken)
    {
        using var reader = OpenText(path);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null,
            DetectColumnCountChanges = false,
        });

        if (!parser.Read())
        {
            throw new InvalidDataException($"{path} is empty: expected a header line.");
        }

        var columns = MapColumns(path, parser.Record ?? []);
        var invoiceNo = columns["InvoiceNo"];
        var stockCode = columns["StockCode"];
        var quantityColumn = columns["Quantity"];
        var invoiceDate = columns["InvoiceDate"];
        var unitPrice = columns["UnitPrice"];
        var customerColumn = columns["CustomerID"];
        var countryColumn = columns["Country"];
        var width = columns.Values.Max() + 1;

        // The file repeats ~4k customers, ~4k stock codes and 38 countries half a million times: share the strings.
        var customers = new Dictionary<string, string?>(StringComparer.Ordinal);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);

        while (parser.Read())
        {
            if (maxRows is { } limit && counts.Rows >= limit)
            {
                yield break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            counts.Rows++;
            if (parser.Count < width)
            {
                counts.Malformed++;
                continue;
            }

            var invoice = parser[invoiceNo].Trim();
            if (invoice.StartsWith('C') || invoice.StartsWith('c'))
            {
                counts.Cancellations++;
                continue;
            }

            var rawCustomer = parser[customerColumn].Trim();
            if (rawCustomer.Length == 0)
            {
                counts.WithoutCustomer++;
                continue;
            }

            if (!int.TryParse(parser[quantityColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity))
            {
                counts.Malformed++;
                continue;
            }

            if (quantity <= 0)
            {
                counts.NonPositiveQuantity++;
                continue;
            }

            if (!decimal.TryParse(parser[unitPrice], NumberStyles.Float, CultureInfo.InvariantCulture, out var price))
            {
                counts.Malformed++;
                continue;
            }

            if (price <= 0)
            {
                counts.NonPositivePrice++;
                continue;
            }

            if (!DateTime.TryParseExact(
                    parser[invoiceDate].Trim(),
                    DateFormat,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                    out var date))
            {
                counts.Malformed++;
                continue;
            }

            if (!customers.TryGetValue(rawCustomer, out var customerId))
            {
                customerId = NormaliseCustomerId(rawCustomer);
                customers[rawCustomer] = customerId;
            }

            var product = Share(shared, parser[stockCode].Trim());
            if (customerId is null || invoice.Length == 0 || product.Length == 0)
            {
                counts.Malformed++;
                continue;
            }

            counts.PurchaseLines++;
            yield return new OnlineRetailLine(
                counts.Rows,
                invoice,
                customerId,
                product,
                quantity,
                price,
                new DateTimeOffset(date, TimeSpan.Zero),
                Share(shared, parser[countryColumn].Trim()));
        }
    }

    /// <summary>"17850.0" and "17850" are the same customer: "17850". Anything but a positive integer is unreadable.</summary>
    internal static string? NormaliseCustomerId(string raw)
    {
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value <= 0
            || value != decimal.Truncate(value)
            || value > long.MaxValue)
        {
            return null;
        }

        return ((long)value).ToString(CultureInfo.InvariantCulture);
    }

    private static TextReader OpenText(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    private static Dictionary<string, int> MapColumns(string path, string[] header)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }

        var missing = RequiredColumns.Where(name => !columns.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"{path} lacks the column(s) {string.Join(", ", missing)}; expected a header like " +
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country.");
        }

        return RequiredColumns.ToDictionary(name => name, name => columns[name], StringComparer.Ordinal);
    }

    private static string Share(Dictionary<string, string> pool, string value)
    {
        if (pool.TryGetValue(value, out var existing))
        {
            return existing;
        }

        pool[value] = value;
        return value;
    }
}
