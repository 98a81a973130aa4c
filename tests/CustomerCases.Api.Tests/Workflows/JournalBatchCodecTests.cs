using System.Text.Json.Nodes;
using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Api.Tests.Workflows;

/// <summary>A run's journal stored as one row reads back entry for entry.</summary>
public sealed class JournalBatchCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 18, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void Encode_ThenDecode_GivesEveryEntryBack_AndAShortBatchAfterALongOneHoldsOnlyItsOwn()
    {
        var many = Enumerable.Range(1, 40).Select(i => Entry(i, i % 2 == 0 ? new JsonObject { ["text"] = $"line {i} — \"quoted\" <b>" } : null)).ToList();
        var longBatch = new WorkflowJournalBatchRecord { Id = 7, InstanceId = "i-1", EntriesJson = JournalBatchCodec.Encode(many) };
        var shortBatch = new WorkflowJournalBatchRecord
        {
            Id = 8, InstanceId = "i-1",
            EntriesJson = JournalBatchCodec.Encode([Entry(41, new JsonObject { ["outcomes"] = new JsonArray("Done", "Other"), ["n"] = 3 }, message: "m")]),
        };

        var decoded = JournalBatchCodec.Decode(longBatch).ToList();
        var single = Assert.Single(JournalBatchCodec.Decode(shortBatch));

        Assert.Equal(many.Count, decoded.Count);
        foreach (var (entry, stored) in many.Zip(decoded))
        {
            Assert.Equal((entry.Sequence, entry.ActivityInstanceId, entry.ActivityId, entry.ActivityType, entry.ActivityNodeId, entry.EventName, entry.Timestamp, entry.Message),
                (stored.Sequence, stored.ActivityInstanceId, stored.ActivityId, stored.ActivityType, stored.ActivityNodeId, stored.EventName, stored.Timestamp, stored.Message));
            Assert.Equal(entry.Payload?.ToJsonString(), stored.Payload?.ToJsonString());
            Assert.Equal("i-1", stored.InstanceId);
        }

        Assert.Equal(["7-0", "7-1"], decoded.Take(2).Select(e => e.Id));
        Assert.Equal(("8-0", 41L, "m", 3), (single.Id, single.Sequence, single.Message, (int)single.Payload!["n"]!));
        Assert.Equal(["Done", "Other"], single.Payload["outcomes"]!.AsArray().Select(o => (string)o!));
    }

    private static JournalEntry Entry(long sequence, JsonObject? payload, string? message = null) =>
        new($"ai-{sequence}", $"A{sequence % 3}", "Elsa.WriteLine", $"Flowchart1:A{sequence % 3}", sequence % 2 == 0 ? "Completed" : "Started",
            At.AddMilliseconds(sequence), sequence, message)
        {
            Payload = payload,
        };
}
