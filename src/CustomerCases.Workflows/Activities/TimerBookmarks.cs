using System.Globalization;
using System.Text.Json.Nodes;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary>Timer bookmarks shared by Delay, Timer, StartAt and Cron: payload <c>{resumeAt}</c> plus the due time for the host.</summary>
internal static class TimerBookmarks
{
    public static Bookmark Create(ActivityContext context, string name, DateTimeOffset resumeAt, JsonObject? extra = null)
    {
        var payload = extra ?? [];
        payload["resumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture);
        return context.CreateBookmark(name, payload, resumeAt, includeInstanceId: true);
    }
}
