using CustomerCases.Api.Features.Shared;

namespace CustomerCases.Api.Features.Triage;

/// <summary>
/// Which columns of an uploaded CSV train which label set. The service applies two label sets, <c>category</c> and
/// <c>priority</c>, so a model trained on any other name would never be used at intake. Without
/// <c>labelColumns</c>: <c>category</c> from the <c>category</c> column, or from <c>label</c> in the plain
/// <c>text,label</c> CSV; <c>priority</c> when the CSV has that column. With it: <c>category</c>, <c>priority</c>, or
/// <c>category=&lt;column&gt;</c> to train a label set from a column of another name. The header is then rewritten
/// to the label sets' names, so the stored data set reads the same way when it is trained.
/// </summary>
internal sealed record UploadedLabelColumns(string Csv, string LabelSets)
{
    private static readonly string[] Known = ["category", "priority"];

    public static UploadedLabelColumns? Resolve(string csv, string? labelColumns, Validation v)
    {
        var newline = csv.IndexOf('\n');
        var headerLine = (newline < 0 ? csv : csv[..newline]).TrimEnd('\r');
        var header = headerLine.Trim('\uFEFF').Split(',').Select(h => h.Trim().Trim('"')).ToList();
        if (string.IsNullOrWhiteSpace(csv) || !header.Contains("text", StringComparer.OrdinalIgnoreCase))
        {
            v.Add("body", "must be a CSV whose header has a 'text' column.");
            return null;
        }

        var mapping = labelColumns is null ? Default(header, v) : Named(labelColumns, header, v);
        if (!v.IsValid)
        {
            return null;
        }

        var renamed = header.Select(h => mapping.FirstOrDefault(m => m.Column.Equals(h, StringComparison.OrdinalIgnoreCase)).LabelSet ?? h);
        var rewritten = string.Join(',', renamed) + (newline < 0 ? "" : csv[newline..]);
        return new UploadedLabelColumns(rewritten, string.Join(',', mapping.Select(m => m.LabelSet)));
    }

    private static List<(string LabelSet, string Column)> Default(List<string> header, Validation v)
    {
        var mapping = new List<(string, string)>();
        var category = new[] { "category", "label" }.FirstOrDefault(c => header.Contains(c, StringComparer.OrdinalIgnoreCase));
        if (category is null)
        {
            v.Add("labelColumns", "the CSV has no 'category' (or 'label') column; name the label column with labelColumns=category=<column>.");
            return mapping;
        }

        mapping.Add(("category", category));
        if (header.Contains("priority", StringComparer.OrdinalIgnoreCase))
        {
            mapping.Add(("priority", "priority"));
        }

        return mapping;
    }

    private static List<(string LabelSet, string Column)> Named(string labelColumns, List<string> header, Validation v)
    {
        var mapping = new List<(string LabelSet, string Column)>();
        foreach (var entry in labelColumns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            var (labelSet, column) = (parts[0].ToLowerInvariant(), parts.Length == 2 ? parts[1] : parts[0]);
            if (!Known.Contains(labelSet))
            {
                v.Add("labelColumns", $"'{parts[0]}' is not a label set the service applies ({string.Join(", ", Known)}); train one from another column with category=<column>.");
            }
            else if (!header.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                v.Add("labelColumns", $"the CSV has no column '{column}'.");
            }
            else if (!column.Equals(labelSet, StringComparison.OrdinalIgnoreCase) && header.Contains(labelSet, StringComparer.OrdinalIgnoreCase))
            {
                v.Add("labelColumns", $"the CSV has a '{labelSet}' column already; train from it or rename it.");
            }
            else if (mapping.Any(m => m.LabelSet == labelSet))
            {
                v.Add("labelColumns", $"'{labelSet}' is named twice.");
            }
            else
            {
                mapping.Add((labelSet, column));
            }
        }

        if (mapping.Count == 0 && v.IsValid)
        {
            v.Add("labelColumns", "name at least one label set: category, priority.");
        }

        return mapping;
    }
}
