namespace CustomerCases.Api.Features.Elsa.Shared;

/// <summary>A definition is answered as the JSON we stored, byte for byte what Studio saved (plus version facts).</summary>
internal static class StoredJson
{
    public static IResult Ok(string json, int statusCode = 200) => Results.Text(json, "application/json", System.Text.Encoding.UTF8, statusCode);
}
