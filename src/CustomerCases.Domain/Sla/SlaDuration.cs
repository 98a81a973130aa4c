using System.Globalization;
using System.Text.RegularExpressions;

namespace CustomerCases.Domain.Sla;

/// <summary>
/// A target in business time of a calendar, with an explicit unit: <c>PT8H</c> is eight open hours, <c>P2D</c> is two
/// business days (the same clock time on the second open day). Mixing days and hours (<c>P1DT4H</c>) is refused: its
/// meaning is exactly the ambiguity users trip over.
/// </summary>
public sealed partial record SlaDuration
{
    private SlaDuration(string text, TimeSpan hours, int days)
    {
        Text = text;
        BusinessTime = hours;
        BusinessDays = days;
    }

    /// <summary>The ISO 8601 text as written.</summary>
    public string Text { get; }

    /// <summary>Open time (zero for a business-days duration).</summary>
    public TimeSpan BusinessTime { get; }

    /// <summary>Open days (zero for a business-time duration).</summary>
    public int BusinessDays { get; }

    public bool IsDays => BusinessDays > 0;

    public static SlaDuration Hours(TimeSpan span) => new($"PT{(long)span.TotalSeconds}S", span, 0);

    public static SlaDuration Days(int days) => new($"P{days}D", TimeSpan.Zero, days);

    /// <summary>Parses <c>PnD</c> or <c>PTnHnMnS</c> (fractions allowed on the smallest unit); null with an error message otherwise.</summary>
    public static SlaDuration? TryParse(string? text, out string? error)
    {
        error = null;
        var m = text is null ? Match.Empty : Iso().Match(text.Trim());
        if (!m.Success)
        {
            error = $"'{text}' is not an ISO 8601 duration such as PT30M, PT8H or P2D.";
            return null;
        }

        var hasDays = m.Groups["d"].Success;
        var hasTime = m.Groups["h"].Success || m.Groups["m"].Success || m.Groups["s"].Success;
        if (hasDays && hasTime)
        {
            error = $"'{text}' mixes business days and hours; write either PnD (business days) or PTnH (business hours).";
            return null;
        }

        if (hasDays)
        {
            var days = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (days <= 0)
            {
                error = $"'{text}' must be positive.";
                return null;
            }

            return new SlaDuration(text!.Trim(), TimeSpan.Zero, days);
        }

        var span = TimeSpan.FromHours(Number(m, "h")) + TimeSpan.FromMinutes(Number(m, "m")) + TimeSpan.FromSeconds(Number(m, "s"));
        if (!hasTime || span <= TimeSpan.Zero)
        {
            error = $"'{text}' must be a positive duration.";
            return null;
        }

        return new SlaDuration(text!.Trim(), span, 0);
    }

    public override string ToString() => IsDays ? $"{BusinessDays} business day(s)" : $"{SlaText.Span(BusinessTime)} of business time";

    private static double Number(Match m, string group) =>
        m.Groups[group].Success ? double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^P(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+(?:\.\d+)?)H)?(?:(?<m>\d+(?:\.\d+)?)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();
}
