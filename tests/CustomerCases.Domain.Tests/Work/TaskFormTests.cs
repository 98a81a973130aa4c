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

    [Fact]
    public void Validate_NoForm_TakesAnyData()
    {
        Assert.Empty(TaskForm.Validate([], new JsonObject { ["anything"] = 1 }));
    }
}
