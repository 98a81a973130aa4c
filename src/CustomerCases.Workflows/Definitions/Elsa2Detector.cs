using System.Text.Json;

namespace CustomerCases.Workflows.Definitions;

/// <summary>Recognises Elsa 2 exports, whose activities sit at the top level with <c>activityId</c>.</summary>
internal static class Elsa2Detector
{
    public static bool IsElsa2(JsonElement document)
    {
        if (document.Child("root") is not null) return false;
        var activities = document.Child("activities").Items().ToArray();
        var connections = document.Child("connections").Items().ToArray();
        return activities.Any(a => a.Child("activityId") is not null)
            || connections.Any(c => c.Child("sourceActivityId") is not null || c.Child("targetActivityId") is not null)
            || document.Child("activities") is not null;
    }
}
