using CustomerCases.Classification.Training;
using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class CsvDatasetReaderTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_escaped_quotes_and_newlines()
    {
        const string csv = "id,body,intent,urgency\r\n1,\"Hello, \"\"world\"\"\nsecond line\",greet,Low\n2,plain,bye,High\n";

        var data = CsvDatasetReader.Read(new StringReader(csv), new CsvDatasetOptions { TextColumn = "body", LabelColumns = ["intent", "urgency"] }, "inline");

        Assert.Equal(2, data.Rows.Count);
        Assert.Equal("Hello, \"world\"\nsecond line", data.Rows[0].Text);
        Assert.Equal(["greet", "Low"], data.Rows[0].Labels);
        Assert.Equal(["intent", "urgency"], data.LabelColumns);
        Assert.Equal("inline", data.Source);
    }

    [Fact]
    public void Subject_column_is_joined_in_front_of_the_text()
    {
        const string csv = "subject,text,label\nRefund,where is my money,refund\n";

        var data = CsvDatasetReader.Read(new StringReader(csv), new CsvDatasetOptions { SubjectColumn = "subject" }, "inline");

        Assert.Equal(TextComposer.Compose("Refund", "where is my money"), data.Rows[0].Text);
    }

    [Fact]
    public void Missing_column_is_reported_with_the_header()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            CsvDatasetReader.Read(new StringReader("a,b\n1,2\n"), new CsvDatasetOptions(), "inline"));

        Assert.Contains("no column 'text'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Starter_data_is_embedded_balanced_and_labelled_with_known_priorities()
    {
        var data = StarterModel.LoadDataset();

        Assert.True(data.Rows.Count >= 450, $"{data.Rows.Count} rows");
        var perCategory = data.Rows.GroupBy(r => r.Labels[0]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(9, perCategory.Count);
        Assert.True(perCategory.Values.Min() >= 40, "roughly balanced categories");
        Assert.All(data.Rows, r => Assert.Contains(r.Labels[1], new[] { "Low", "Normal", "High", "Urgent" }));
        Assert.Equal(data.Rows.Count, data.Rows.Select(r => r.Text).Distinct().Count());
    }
}
