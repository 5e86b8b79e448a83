using System.Globalization;

namespace Serverless.Infrastructure.Archive;

/// <summary>The archive's blob naming: <c>events/yyyy/MM/dd/HH/{writer}-{n}.jsonl</c>, hour of OccurredAt in UTC.</summary>
internal sealed record ArchiveBlobName(DateTimeOffset Hour, string WriterId, int Index)
{
    public const string Root = "events/";

    public string Value => $"{HourPrefix(Hour)}{WriterId}-{Index.ToString(CultureInfo.InvariantCulture)}.jsonl";

    public static DateTimeOffset HourOf(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    public static string HourPrefix(DateTimeOffset hour) =>
        Root + hour.ToUniversalTime().ToString("yyyy'/'MM'/'dd'/'HH'/'", CultureInfo.InvariantCulture);

    public static string DayPrefix(DateTimeOffset day) =>
        Root + day.ToUniversalTime().ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture);

    /// <summary>Parses a listed name; null for anything that is not an archive blob.</summary>
    public static ArchiveBlobName? TryParse(string name)
    {
        // events/yyyy/MM/dd/HH/{writer}-{n}.jsonl
        var parts = name.Split('/');
        if (parts.Length != 6 || parts[0] + "/" != Root || !parts[5].EndsWith(".jsonl", StringComparison.Ordinal))
        {
            return null;
        }

        if (!DateTimeOffset.TryParseExact(
                string.Join('/', parts[1..5]), "yyyy'/'MM'/'dd'/'HH", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var hour))
        {
            return null;
        }

        var file = parts[5][..^".jsonl".Length];
        // The writer id may itself contain '-': the index follows the last one.
        var dash = file.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(file[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        return new ArchiveBlobName(hour.ToUniversalTime(), file[..dash], index);
    }
}
