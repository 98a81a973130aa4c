using System.Text;

namespace CustomerCases.Classification.Training;

/// <summary>Reads a labelled CSV (header row, quoted fields) into a <see cref="LabelledDataset"/>.</summary>
public static class CsvDatasetReader
{
    /// <summary>Reads a CSV file.</summary>
    public static LabelledDataset ReadFile(string path, CsvDatasetOptions options)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, options, Path.GetFileName(path));
    }

    /// <summary>Reads CSV text from a reader; <paramref name="source"/> is recorded in the model manifest.</summary>
    public static LabelledDataset Read(TextReader reader, CsvDatasetOptions options, string source)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var records = CsvParser.Parse(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new InvalidDataException($"{source}: empty file, expected a header row");
        }
        var header = records.Current.Select(h => h.Trim()).ToArray();
        var textIndex = ColumnIndex(header, options.TextColumn, source);
        var subjectIndex = options.SubjectColumn is null ? -1 : ColumnIndex(header, options.SubjectColumn, source);
        var labelIndices = options.LabelColumns.Select(l => ColumnIndex(header, l, source)).ToArray();
        var rows = new List<LabelledRow>();
        var line = 1;
        while (records.MoveNext())
        {
            line++;
            var record = records.Current;
            if (record.Length < header.Length)
            {
                throw new InvalidDataException($"{source}: record {line} has {record.Length} fields, header has {header.Length}");
            }
            var text = record[textIndex];
            if (subjectIndex >= 0 && record[subjectIndex].Length > 0)
            {
                text = TextComposer.Compose(record[subjectIndex], text);
            }
            rows.Add(new LabelledRow(text, labelIndices.Select(i => record[i].Trim()).ToArray()));
        }
        return new LabelledDataset(source, options.LabelColumns.ToArray(), rows);
    }

    private static int ColumnIndex(string[] header, string column, string source)
    {
        var index = Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index
            : throw new InvalidDataException($"{source}: no column '{column}' in header ({string.Join(", ", header)})");
    }
}
