namespace CustomerCases.Classification.Training;

/// <summary>Joins subject and description into the one text the models see, the same way at training and prediction.</summary>
public static class TextComposer
{
    /// <summary>"subject. description", skipping empty parts.</summary>
    public static string Compose(string? subject, string? description)
    {
        var s = subject?.Trim() ?? string.Empty;
        var d = description?.Trim() ?? string.Empty;
        if (s.Length == 0)
        {
            return d;
        }
        return d.Length == 0 ? s : $"{s}. {d}";
    }
}
