using System.Text;

namespace CustomerCases.Benchmarks.Reporting;

/// <summary>Builds a GitHub-flavoured markdown table row by row.</summary>
public sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public MarkdownTable Add(params object?[] cells)
    {
        _rows.Add([.. cells.Select(Cell)]);
        return this;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        text.Append('|').AppendJoin("", headers.Select(_ => "---|")).AppendLine();
        foreach (var row in _rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }
        return text.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "n/a",
        double d => d.ToString(d >= 100 ? "0" : d >= 1 ? "0.##" : "0.###", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Replace("|", "\\|", StringComparison.Ordinal) ?? "",
    };
}
