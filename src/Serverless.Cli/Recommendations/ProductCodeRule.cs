using System.Text.RegularExpressions;

namespace Serverless.Cli.Recommendations;

/// <summary>
/// Which Online Retail stock codes are products. Products have five digits and at most two letters (85123A, 15056BL);
/// everything else is a service or accounting line: POST, DOT (postage), C2 (carriage), M / m (manual), D (discount),
/// S (samples), B (bad debt), BANK CHARGES, AMAZONFEE, CRUK (commission), PADS, gift_0001_* (vouchers) and the
/// web-shop-only DCGS* codes (about 50 lines, several of them eBay adjustments).
/// </summary>
internal static partial class ProductCodeRule
{
    public static bool IsProduct(string stockCode) => ProductPattern().IsMatch(stockCode);

    [GeneratedRegex("^[0-9]{5}[A-Za-z]{0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProductPattern();
}
