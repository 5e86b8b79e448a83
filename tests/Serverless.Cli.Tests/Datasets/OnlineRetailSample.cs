using System.Globalization;
using System.IO.Compression;
using System.Text;
using Serverless.Testing;

namespace Serverless.Cli.Tests.Datasets;

/// <summary>
/// The first rows of the real UCI Online Retail file, read in place and parsed here independently of the code under
/// test (a plain quote-aware split), so the tests compare against a second, straightforward computation.
/// </summary>
internal sealed class OnlineRetailSample
{
    public const int Rows = 2000;

    public static string FilePath { get; } =
        Path.Combine(RepositoryRoot.Datasets, "online_retail_uci", "online_retail.csv.gz");

    private static readonly Lazy<OnlineRetailSample> Instance = new(() => Load(Rows));

    private OnlineRetailSample(IReadOnlyList<string[]> rows) => RawRows = rows;

    public static OnlineRetailSample First2000 => Instance.Value;

    /// <summary>InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country.</summary>
    public IReadOnlyList<string[]> RawRows { get; }

    public IEnumerable<string[]> PurchaseRows => RawRows.Where(r =>
        !r[0].StartsWith('C')
        && r[6].Length > 0
        && int.Parse(r[3], CultureInfo.InvariantCulture) > 0
        && decimal.Parse(r[5], CultureInfo.InvariantCulture) > 0);

    public static string CustomerId(string raw) =>
        ((long)double.Parse(raw, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);

    public Dictionary<string, decimal> RevenueByCustomer() => PurchaseRows
        .GroupBy(r => CustomerId(r[6]))
        .ToDictionary(
            g => g.Key,
            g => g.Sum(r => int.Parse(r[3], CultureInfo.InvariantCulture) * decimal.Parse(r[5], CultureInfo.InvariantCulture)));

    private static OnlineRetailSample Load(int rows)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(FilePath), CompressionMode.Decompress), Encoding.UTF8);
        var header = reader.ReadLine();
        if (header != "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country")
        {
            throw new InvalidDataException($"Unexpected header: {header}");
        }

        var result = new List<string[]>(rows);
        while (result.Count < rows && reader.ReadLine() is { } line)
        {
            var fields = Split(line);
            if (fields.Length != 8)
            {
                throw new InvalidDataException($"Expected 8 fields: {line}");
            }

            result.Add(fields);
        }

        return new OnlineRetailSample(result);
    }

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
