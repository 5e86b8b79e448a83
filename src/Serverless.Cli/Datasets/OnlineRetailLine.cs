namespace Serverless.Cli.Datasets;

/// <summary>One purchase row of the file that survived the row filters, with its customer id normalised.</summary>
internal readonly record struct OnlineRetailLine(
    long RowNumber,
    string InvoiceNo,
    string CustomerId,
    string StockCode,
    int Quantity,
    decimal UnitPrice,
    DateTimeOffset InvoiceDate,
    string Country);
