using CustomerCases.Workflows.Ports;

namespace CustomerCases.Workflows.Tests.Support;

/// <summary>An in-memory case store behind the gateway port, recording what the activities did.</summary>
internal sealed class FakeCaseGateway : ICaseActivityGateway
{
    public Dictionary<Guid, Dictionary<string, object?>> Cases { get; } = [];

    public List<(Guid CaseId, CaseMessageKind Kind, string Text)> Messages { get; } = [];

    public List<(Guid CaseId, CaseUpdate Update)> Updates { get; } = [];

    public List<(Guid CaseId, string? Resolution)> Closed { get; } = [];

    public Guid AddCase(string category, string priority = "Normal", string status = "Open")
    {
        var id = Guid.NewGuid();
        Cases[id] = new Dictionary<string, object?>
        {
            ["Id"] = id, ["Category"] = category, ["Priority"] = priority, ["Status"] = status, ["Subject"] = "Help",
            ["Tags"] = new List<string>(),
        };
        return id;
    }

    public Task<IReadOnlyDictionary<string, object?>?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, object?>?>(Cases.TryGetValue(caseId, out var c) ? new Dictionary<string, object?>(c) : null);

    public Task UpdateCaseAsync(Guid caseId, CaseUpdate update, CancellationToken cancellationToken)
    {
        Updates.Add((caseId, update));
        if (!Cases.TryGetValue(caseId, out var c)) return Task.CompletedTask;
        if (update.Status is not null) c["Status"] = update.Status;
        if (update.Priority is not null) c["Priority"] = update.Priority;
        if (update.Category is not null) c["Category"] = update.Category;
        if (update.Queue is not null) c["Queue"] = update.Queue;
        if (update.AddTags is not null) ((List<string>)c["Tags"]!).AddRange(update.AddTags);
        return Task.CompletedTask;
    }

    public Task AddMessageAsync(Guid caseId, CaseMessageKind kind, string text, CancellationToken cancellationToken)
    {
        Messages.Add((caseId, kind, text));
        return Task.CompletedTask;
    }

    public Task CloseCaseAsync(Guid caseId, string? resolution, CancellationToken cancellationToken)
    {
        Closed.Add((caseId, resolution));
        if (Cases.TryGetValue(caseId, out var c)) c["Status"] = "Closed";
        return Task.CompletedTask;
    }
}
