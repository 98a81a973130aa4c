using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using EngineStimuli = CustomerCases.Workflows.Runtime.Stimuli;

namespace CustomerCases.Api.Features.Elsa.Stimuli;

/// <summary>
/// POST /elsa/api/tasks/{taskId}/complete <c>{result}</c> — resumes the RunTask bookmark whose payload has this
/// taskId, with <c>{result}</c> as the activity's Result. 404 when no such task is open. The bookmark is burned in
/// the same transaction as the resume, so a second completion finds nothing (404) or, when it raced the first on
/// PostgreSQL, loses on the instance's revision (409): the workflow advances once.
/// </summary>
internal static class CompleteTask
{
    internal sealed record Request(JsonNode? Result);

    public static async Task<IResult> HandleAsync(string taskId, Request? request, [AsParameters] WorkflowWrite write, CancellationToken ct)
    {
        return await write.RunAsync<IResult>(async c =>
        {
            var bookmark = await FindOpenTaskAsync(write.Db, taskId, c);
            var run = bookmark is null
                ? null
                : await write.Runtime.ResumeBookmarkAsync(bookmark.Id, new JsonObject { ["result"] = request?.Result?.DeepClone() }, c);
            if (run is null)
            {
                return Results.Problem(statusCode: 404, title: "Task not found", detail: $"No open task has the id '{taskId}' (unknown, already completed or cancelled).");
            }

            return Results.Ok(new { workflowInstanceId = run.Instance.Id, status = run.Instance.Status, subStatus = run.Instance.SubStatus });
        }, ct);
    }

    /// <summary>The hash needs the task name too, so the open RunTask bookmarks are narrowed by text and matched exactly.</summary>
    private static async Task<BookmarkRecord?> FindOpenTaskAsync(CustomerCasesDbContext db, string taskId, CancellationToken ct)
    {
        var candidates = await db.Bookmarks.AsNoTracking()
            .Where(b => b.Name == EngineStimuli.RunTaskName && b.PayloadJson != null && b.PayloadJson.Contains(taskId))
            .ToListAsync(ct);
        return candidates.FirstOrDefault(b => JsonNode.Parse(b.PayloadJson!)?["taskId"]?.GetValue<string>() == taskId);
    }
}
