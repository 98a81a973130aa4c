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

    /// <summary>RunTask's bookmark carries the task id as its own id (a primary-key lookup, not a scan of payloads).</summary>
    private static Task<BookmarkRecord?> FindOpenTaskAsync(CustomerCasesDbContext db, string taskId, CancellationToken ct) =>
        db.Bookmarks.AsNoTracking().SingleOrDefaultAsync(b => b.Id == taskId && b.Name == EngineStimuli.RunTaskName, ct);
}
