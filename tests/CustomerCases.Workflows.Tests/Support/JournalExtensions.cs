using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Tests.Support;

/// <summary>Reads the WriteLine oracle from a journal.</summary>
internal static class JournalExtensions
{
    public static IReadOnlyList<string?> Lines(this ExecutionResult result) => result.Journal.Lines();

    public static IReadOnlyList<string?> Lines(this IEnumerable<JournalEntry> journal) =>
        journal.Where(e => e.ActivityType == "Elsa.WriteLine" && e.EventName == JournalEvents.Completed)
            .Select(e => e.Payload?["text"]?.GetValue<string>())
            .ToList();
}
