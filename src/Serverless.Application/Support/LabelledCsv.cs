using System.Text;
using Serverless.Learning.Classification;

namespace Serverless.Application.Support;

/// <summary>Reads labelled utterances from an RFC 4180 CSV with a header naming a text and a label column.</summary>
public static class LabelledCsv
{
    public static List<LabeledText> Parse(string csv, string textColumn = "text", string labelColumn = "label")
    {
        ArgumentNullException.ThrowIfNull(csv);
        var rows = Rows(csv.TrimStart('\uFEFF')).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0];
        var text = header.FindIndex(h => h.Trim() == textColumn);
        var label = header.FindIndex(h => h.Trim() == labelColumn);
        if (text < 0 || label < 0)
        {
            throw new InvalidDataException($"The header must name the columns '{textColumn}' and '{labelColumn}' (found {string.Join(",", header)}).");
        }

        return rows.Skip(1)
            .Where(r => r.Count > Math.Max(text, label) && r[label].Trim().Length > 0 && r[text].Trim().Length > 0)
            .Select(r => new LabeledText(r[text], r[label].Trim()))
            .ToList();
    }

    public static List<LabeledText> Read(string path, string textColumn = "text", string labelColumn = "label") =>
        Parse(File.ReadAllText(path, Encoding.UTF8), textColumn, labelColumn);

    private static IEnumerable<List<string>> Rows(string csv)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
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
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                if (row.Count > 1 || row[0].Length > 0)
                {
                    yield return row;
                }

                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
