using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace CustomerCases.Workflows.Expressions;

/// <summary>Moves values between JSON and Jint through JSON text, so no CLR object is ever exposed to scripts.</summary>
internal static class JsBridge
{
    public static JsValue ToJs(Engine engine, JsonNode? value) => value switch
    {
        null => JsValue.Null,
        JsonValue v when v.TryGetValue<string>(out var s) => new JsString(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? JsBoolean.True : JsBoolean.False,
        JsonValue v when JsonValues.AsDouble(v) is { } d => JsNumber.Create(d),
        _ => new JsonParser(engine).Parse(value.ToJsonString()),
    };

    public static JsonNode? ToJson(Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull()) return null;
        if (value.IsString()) return JsonValue.Create(value.AsString());
        if (value.IsBoolean()) return JsonValue.Create(value.AsBoolean());
        if (value.IsNumber())
        {
            var d = value.AsNumber();
            return double.IsInteger(d) && Math.Abs(d) < 9e15 ? JsonValue.Create((long)d) : JsonValue.Create(d);
        }

        var json = new JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() || json.IsNull() ? null : JsonNode.Parse(json.ToString());
    }

    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');
}
