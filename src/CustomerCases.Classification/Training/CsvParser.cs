using System.Text;

namespace CustomerCases.Classification.Training;

/// <summary>
/// Minimal RFC 4180 reader: comma separated, double-quoted fields with "" escapes and newlines inside quotes
/// (BANKING77 has such rows). Written here because ML.NET's TextLoader needs a static schema per file.
/// </summary>
internal static class CsvParser
{
    public static IEnumerable<string[]> Parse(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var rowHasContent = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    rowHasContent = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    rowHasContent = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (rowHasContent || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return fields.ToArray();
                    }
                    fields.Clear();
                    field.Clear();
                    rowHasContent = false;
                    break;
                default:
                    field.Append(ch);
                    rowHasContent = true;
                    break;
            }
        }
        if (rowHasContent || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
