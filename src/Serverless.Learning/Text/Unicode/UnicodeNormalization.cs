using System.Globalization;
using System.Text;

namespace Serverless.Learning.Text.Unicode;

/// <summary>
/// Unicode NFKC and full case folding from generated tables (<see cref="UnicodeTables"/>), because the hosts run with
/// InvariantGlobalization, where <c>string.Normalize</c> returns its input unchanged. Follows UAX #15: full compatibility
/// decomposition, canonical reordering by combining class, canonical composition (Hangul algorithmically).
/// </summary>
internal static class UnicodeNormalization
{
    private const int HangulSyllableBase = 0xAC00, HangulLeadBase = 0x1100, HangulVowelBase = 0x1161, HangulTrailBase = 0x11A7;
    private const int HangulLeadCount = 19, HangulVowelCount = 21, HangulTrailCount = 28;
    private const int HangulSyllableCount = HangulLeadCount * HangulVowelCount * HangulTrailCount;

    private static readonly Lazy<Dictionary<int, int[]>> Decompositions = new(() => ParseSequences(UnicodeTables.Decompositions));
    private static readonly Lazy<Dictionary<int, int[]>> Foldings = new(() => ParseSequences(UnicodeTables.CaseFoldings));
    private static readonly Lazy<Dictionary<int, int>> Classes = new(() => ParseClasses(UnicodeTables.CombiningClasses));
    private static readonly Lazy<Dictionary<long, int>> Compositions = new(() => ParseCompositions(UnicodeTables.Compositions));

    /// <summary>Unicode normalization form KC.</summary>
    public static string NormalizeKC(string text)
    {
        if (IsAscii(text))
        {
            return text;
        }

        var codePoints = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            Decompose(rune.Value, codePoints);
        }

        ReorderCombiningMarks(codePoints);
        Compose(codePoints);
        return FromCodePoints(codePoints);
    }

    /// <summary>Unicode full case folding (CaseFolding.txt statuses C and F), e.g. "Straße" becomes "strasse".</summary>
    public static string CaseFold(string text)
    {
        if (IsAscii(text))
        {
            return text.ToLowerInvariant();
        }

        var builder = new StringBuilder(text.Length);
        var foldings = Foldings.Value;
        foreach (var rune in text.EnumerateRunes())
        {
            if (foldings.TryGetValue(rune.Value, out var folded))
            {
                foreach (var codePoint in folded)
                {
                    builder.Append(char.ConvertFromUtf32(codePoint));
                }
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    private static void Decompose(int codePoint, List<int> output)
    {
        var syllable = codePoint - HangulSyllableBase;
        if (syllable is >= 0 and < HangulSyllableCount)
        {
            output.Add(HangulLeadBase + syllable / (HangulVowelCount * HangulTrailCount));
            output.Add(HangulVowelBase + syllable % (HangulVowelCount * HangulTrailCount) / HangulTrailCount);
            if (syllable % HangulTrailCount != 0)
            {
                output.Add(HangulTrailBase + syllable % HangulTrailCount);
            }

            return;
        }

        if (Decompositions.Value.TryGetValue(codePoint, out var decomposition))
        {
            output.AddRange(decomposition); // the table holds full (recursive) NFKD mappings
        }
        else
        {
            output.Add(codePoint);
        }
    }

    private static int CombiningClass(int codePoint) => Classes.Value.TryGetValue(codePoint, out var value) ? value : 0;

    private static void ReorderCombiningMarks(List<int> codePoints)
    {
        // Stable insertion sort of each run of non-starters by combining class (runs are short).
        for (var i = 1; i < codePoints.Count; i++)
        {
            var current = codePoints[i];
            var currentClass = CombiningClass(current);
            if (currentClass == 0)
            {
                continue;
            }

            var j = i - 1;
            while (j >= 0 && CombiningClass(codePoints[j]) > currentClass)
            {
                codePoints[j + 1] = codePoints[j];
                j--;
            }

            codePoints[j + 1] = current;
        }
    }

    private static void Compose(List<int> codePoints)
    {
        if (codePoints.Count < 2)
        {
            return;
        }

        var compositions = Compositions.Value;
        var starterIndex = CombiningClass(codePoints[0]) == 0 ? 0 : -1;
        var lastClass = starterIndex == 0 ? 0 : 256;
        var write = 1;
        for (var read = 1; read < codePoints.Count; read++)
        {
            var codePoint = codePoints[read];
            var currentClass = CombiningClass(codePoint);
            var blocked = lastClass != 0 && lastClass >= currentClass;
            if (starterIndex >= 0 && (!blocked || (write == starterIndex + 1 && lastClass == 0))
                && TryCompose(codePoints[starterIndex], codePoint, compositions, out var composed))
            {
                codePoints[starterIndex] = composed;
                continue;
            }

            if (currentClass == 0)
            {
                starterIndex = write;
            }

            lastClass = currentClass;
            codePoints[write++] = codePoint;
        }

        codePoints.RemoveRange(write, codePoints.Count - write);
    }

    private static bool TryCompose(int starter, int next, Dictionary<long, int> compositions, out int composed)
    {
        var lead = starter - HangulLeadBase;
        var vowel = next - HangulVowelBase;
        if (lead is >= 0 and < HangulLeadCount && vowel is >= 0 and < HangulVowelCount)
        {
            composed = HangulSyllableBase + (lead * HangulVowelCount + vowel) * HangulTrailCount;
            return true;
        }

        var syllable = starter - HangulSyllableBase;
        var trail = next - HangulTrailBase;
        if (syllable is >= 0 and < HangulSyllableCount && syllable % HangulTrailCount == 0 && trail is > 0 and < HangulTrailCount)
        {
            composed = starter + trail;
            return true;
        }

        return compositions.TryGetValue(((long)starter << 21) | (uint)next, out composed);
    }

    private static string FromCodePoints(List<int> codePoints)
    {
        var builder = new StringBuilder(codePoints.Count);
        foreach (var codePoint in codePoints)
        {
            if (codePoint < 0x10000)
            {
                builder.Append((char)codePoint);
            }
            else
            {
                builder.Append(char.ConvertFromUtf32(codePoint));
            }
        }

        return builder.ToString();
    }

    private static int Hex(string value) => int.Parse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static IEnumerable<(string Key, string Value)> Rows(string table)
    {
        foreach (var row in table.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = row.IndexOf('=', StringComparison.Ordinal);
            yield return (row[..equals], row[(equals + 1)..]);
        }
    }

    private static Dictionary<int, int[]> ParseSequences(string table) =>
        Rows(table).ToDictionary(r => Hex(r.Key), r => r.Value.Split(' ').Select(Hex).ToArray());

    private static Dictionary<int, int> ParseClasses(string table) =>
        Rows(table).ToDictionary(r => Hex(r.Key), r => int.Parse(r.Value, CultureInfo.InvariantCulture));

    private static Dictionary<long, int> ParseCompositions(string table) =>
        Rows(table).ToDictionary(
            r =>
            {
                var pair = r.Key.Split(' ');
                return ((long)Hex(pair[0]) << 21) | (uint)Hex(pair[1]);
            },
            r => Hex(r.Value));
}
