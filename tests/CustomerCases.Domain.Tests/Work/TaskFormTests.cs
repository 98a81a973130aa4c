using System.Text.Json.Nodes;
using CustomerCases.Domain.Work;

namespace CustomerCases.Domain.Tests.Work;

public sealed class TaskFormTests
{
    private static readonly TaskFormField[] Form =
    [
        new("amount", TaskFormField.Number, true),
        new("approved", TaskFormField.Boolean, false),
        new("refundOn", TaskFormField.Date, false),
        new("note", TaskFormField.Text, false),
    ];

    [Fact]
    public void Validate_AcceptsEachTypeInItsJsonForm_AndNumbersWrittenAsText()
    {
        var data = new JsonObject { ["amount"] = "12.50", ["approved"] = true, ["refundOn"] = "2026-03-05", ["note"] = "ok" };

        Assert.Empty(TaskForm.Validate(Form, data));
    }

    [Fact]
    public void Validate_BlankRequiredText_IsMissing_AndWrongTypesAreNamed()
    {
        var errors = TaskForm.Validate(Form, new JsonObject { ["amount"] = " ", ["approved"] = "yes", ["refundOn"] = "soon", ["note"] = 5 });

        Assert.Equal("is required.", errors["data.amount"]);
        Assert.Equal("must be a boolean.", errors["data.approved"]);
        Assert.Equal("must be a date.", errors["data.refundOn"]);
        Assert.Equal("must be a text.", errors["data.note"]);
    }

    [Theory]
    [InlineData("0.01", null)]
    [InlineData("500", null)]
    [InlineData("0", "must be between 0.01 and 500.")]
    [InlineData("-5", "must be between 0.01 and 500.")]
    [InlineData("500.5", "must be between 0.01 and 500.")]
    public void Validate_NumberOutsideItsBounds_SaysWhichBounds(string amount, string? error)
    {
        TaskFormField[] form = [new("amount", TaskFormField.Number, true, Min: 0.01, Max: 500)];

        var asNumber = TaskForm.Validate(form, new JsonObject { ["amount"] = JsonNode.Parse(amount) });
        var asText = TaskForm.Validate(form, new JsonObject { ["amount"] = amount });

        Assert.Equal(error, asNumber.GetValueOrDefault("data.amount"));
        Assert.Equal(error, asText.GetValueOrDefault("data.amount"));
    }

    [Fact]
    public void Validate_OneSidedBounds_AndChoices()
    {
        TaskFormField[] form =
        [
            new("amount", TaskFormField.Number, false, Min: 1),
            new("discount", TaskFormField.Number, false, Max: 50),
            new("reason", TaskFormField.Text, false, Options: ["damaged", "late"]),
        ];

        var errors = TaskForm.Validate(form, new JsonObject { ["amount"] = 0.5, ["discount"] = 51, ["reason"] = "Damaged" });

        Assert.Equal("must be at least 1.", errors["data.amount"]);
        Assert.Equal("must be at most 50.", errors["data.discount"]);
        Assert.Equal("must be one of: damaged, late.", errors["data.reason"]);
        Assert.Empty(TaskForm.Validate(form, new JsonObject { ["amount"] = 1, ["discount"] = 50, ["reason"] = "late" }));
    }

    [Fact]
    public void Validate_NoForm_TakesAnyData()
    {
        Assert.Empty(TaskForm.Validate([], new JsonObject { ["anything"] = 1 }));
    }
}
