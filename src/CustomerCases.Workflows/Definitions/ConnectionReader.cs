using System.Text.Json;

namespace CustomerCases.Workflows.Definitions;

/// <summary>Reads both connection encodings: nested endpoints and the legacy flat form.</summary>
internal static class ConnectionReader
{
    private const string DefaultSourcePort = "Done";
    private const string DefaultTargetPort = "In";

    public static ConnectionDefinition? Read(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object) return null;
        var source = json.Child("source");
        var target = json.Child("target");
        if (source is { ValueKind: JsonValueKind.Object } s && target is { ValueKind: JsonValueKind.Object } t)
        {
            return new ConnectionDefinition(
                s.Text("activity") ?? "", s.Text("port") ?? DefaultSourcePort,
                t.Text("activity") ?? "", t.Text("port") ?? DefaultTargetPort);
        }

        // Legacy: {source, target, sourcePort, targetPort} with activity ids as strings.
        var sourceId = json.Text("source");
        var targetId = json.Text("target");
        if (sourceId is null && targetId is null) return null;
        return new ConnectionDefinition(sourceId ?? "", json.Text("sourcePort") ?? DefaultSourcePort,
            targetId ?? "", json.Text("targetPort") ?? DefaultTargetPort);
    }
}
