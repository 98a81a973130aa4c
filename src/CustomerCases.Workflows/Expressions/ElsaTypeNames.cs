namespace CustomerCases.Workflows.Expressions;

/// <summary>Maps Elsa type aliases (<c>Int32</c>, <c>String[]</c>) and CLR names (<c>System.Int32, System.Private.CoreLib</c>) to a <see cref="ValueKind"/>.</summary>
internal static class ElsaTypeNames
{
    private static readonly Dictionary<string, ValueKind> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["String"] = ValueKind.String, ["Char"] = ValueKind.String, ["Guid"] = ValueKind.String, ["Uri"] = ValueKind.String,
        ["Int16"] = ValueKind.Integer, ["Int32"] = ValueKind.Integer, ["Int64"] = ValueKind.Integer, ["Byte"] = ValueKind.Integer,
        ["UInt16"] = ValueKind.Integer, ["UInt32"] = ValueKind.Integer, ["UInt64"] = ValueKind.Integer,
        ["Double"] = ValueKind.Number, ["Single"] = ValueKind.Number, ["Decimal"] = ValueKind.Number, ["Float"] = ValueKind.Number,
        ["Boolean"] = ValueKind.Boolean, ["Bool"] = ValueKind.Boolean,
        ["TimeSpan"] = ValueKind.TimeSpan, ["Duration"] = ValueKind.TimeSpan,
        ["DateTime"] = ValueKind.DateTime, ["DateTimeOffset"] = ValueKind.DateTime, ["DateOnly"] = ValueKind.DateTime,
        ["Object"] = ValueKind.Any, ["ObjectDictionary"] = ValueKind.Object, ["ExpandoObject"] = ValueKind.Object,
        ["JsonObject"] = ValueKind.Object, ["JsonNode"] = ValueKind.Any, ["JsonElement"] = ValueKind.Any,
        ["JsonArray"] = ValueKind.Array, ["StringDictionary"] = ValueKind.Object,
    };

    public static ValueKind Resolve(string? typeName, bool isArray = false)
    {
        if (isArray) return ValueKind.Array;
        if (string.IsNullOrWhiteSpace(typeName)) return ValueKind.Any;
        var name = typeName.Trim();
        if (name.EndsWith("[]", StringComparison.Ordinal) || name.Contains("List`1", StringComparison.Ordinal)
            || name.Contains("IEnumerable`1", StringComparison.Ordinal) || name.Contains("Collection`1", StringComparison.Ordinal))
            return ValueKind.Array;
        if (name.Contains("Dictionary`2", StringComparison.Ordinal)) return ValueKind.Object;
        // Assembly-qualified CLR name: keep the simple type name only.
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0) name = name[..comma];
        var dot = name.LastIndexOf('.');
        if (dot >= 0) name = name[(dot + 1)..];
        name = name.TrimEnd('?');
        return Aliases.GetValueOrDefault(name, ValueKind.Any);
    }
}
