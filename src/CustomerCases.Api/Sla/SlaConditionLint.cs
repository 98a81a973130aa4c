using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CustomerCases.Domain.Cases;

namespace CustomerCases.Api.Sla;

/// <summary>
/// Static checks for a policy condition and its pause statuses, aimed at the documented traps: a condition that can
/// never hold, one that only holds once the case is resolved (the target would never run), one that stops holding
/// when the case enters a pause status (the target would be cancelled instead of paused), and pauses that never end.
/// "Never holds" is decided by evaluating the condition over every combination of the case fields it mentions, with
/// the string literals it contains as candidate values.
/// </summary>
internal static partial class SlaConditionLint
{
    private const int MaxCandidates = 6;

    private static readonly CaseStatus[] Running = [CaseStatus.New, CaseStatus.Open, CaseStatus.PendingCustomer, CaseStatus.OnHold];

    public static List<string> Check(SlaConditions conditions, string condition, IReadOnlySet<CaseStatus> pauses, out bool alwaysHolds)
    {
        alwaysHolds = false;
        var errors = new List<string>();
        CheckPauses(pauses, errors);
        if (string.IsNullOrWhiteSpace(condition))
        {
            errors.Add("condition: is required (use \"true\" for a catch-all policy).");
            return errors;
        }

        if (conditions.Compile(condition, out _) is { } syntax)
        {
            errors.Add("condition: " + syntax);
            return errors;
        }

        var used = FieldUse().Matches(condition).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in used.Where(f => !SlaCaseSnapshot.Fields.Contains(f)).Order(StringComparer.Ordinal))
        {
            errors.Add($"condition: reads case.{unknown}, which does not exist; known fields: {string.Join(", ", SlaCaseSnapshot.Fields.Order(StringComparer.Ordinal))}.");
        }

        if (errors.Count > 0 || used.Contains("customFields") || condition.Contains("getCase()[", StringComparison.Ordinal))
        {
            return errors; // custom fields have open-ended names: the sample space cannot decide "never holds"
        }

        var literals = Literals().Matches(condition).Select(m => m.Groups[2].Value).Distinct(StringComparer.Ordinal).Take(MaxCandidates).ToList();
        var mentionsAnything = used.Count > 0 || condition.Contains("getCase()", StringComparison.Ordinal);
        bool Uses(string field) => !mentionsAnything ? false : used.Count == 0 || used.Contains(field);
        var texts = new List<string?> { null, "" };
        texts.AddRange(literals);
        var matchedRunning = false;
        var matchedFinalOnly = false;
        var evaluated = 0;
        string? runtimeError = null;
        var pauseLosses = new SortedSet<string>(StringComparer.Ordinal);
        var allMatched = true;

        foreach (var priority in Uses("priority") ? Enum.GetValues<CasePriority>() : [CasePriority.Normal])
        foreach (var channel in Uses("channel") ? Enum.GetValues<CaseChannel>() : [CaseChannel.Email])
        foreach (var category in Uses("category") ? texts : [null])
        foreach (var tier in Uses("customer") || Uses("customerTier") ? texts : [null])
        foreach (var queue in Uses("queue") || Uses("tags") || Uses("assignee") ? texts : [null])
        foreach (var level in Uses("escalationLevel") ? [0, 1, 2, 3] : new[] { 0 })
        {
            bool Holds(CaseStatus status)
            {
                evaluated++;
                var snapshot = SlaCaseSnapshot.Build(status, priority, channel, category, queue, queue, queue is null ? [] : [queue], level, tier);
                try
                {
                    return conditions.Evaluate(condition, snapshot);
                }
                catch (SlaConditionException ex)
                {
                    runtimeError ??= ex.Message;
                    return false;
                }
            }

            var runningMatches = Running.Where(Holds).ToList();
            var finalMatches = Holds(CaseStatus.Resolved) || Holds(CaseStatus.Closed);
            allMatched &= runningMatches.Count == Running.Length && finalMatches;
            matchedRunning |= runningMatches.Count > 0;
            matchedFinalOnly |= runningMatches.Count == 0 && finalMatches;
            if (runningMatches.Any(s => !pauses.Contains(s)))
            {
                foreach (var pause in pauses.Where(p => Running.Contains(p) && !runningMatches.Contains(p)))
                {
                    pauseLosses.Add(pause.ToString());
                }
            }
        }

        if (runtimeError is not null)
        {
            errors.Add($"condition: fails for some cases ({runtimeError}); guard optional fields, e.g. (case.category || '').");
        }
        else if (!matchedRunning && matchedFinalOnly)
        {
            errors.Add("condition: only holds once the case is Resolved or Closed, so its targets could never run.");
        }
        else if (!matchedRunning)
        {
            errors.Add($"condition: can never hold (checked {evaluated} combinations of the case fields it reads and the values it mentions).");
        }
        else if (pauseLosses.Count > 0)
        {
            errors.Add($"condition: stops holding when the case enters the pause status {string.Join("/", pauseLosses)}, so its targets would be cancelled instead of paused; do not test the status, or include the pause statuses.");
        }

        alwaysHolds = runtimeError is null && allMatched;
        return errors;
    }

    private static void CheckPauses(IReadOnlySet<CaseStatus> pauses, List<string> errors)
    {
        if (pauses.Contains(CaseStatus.Closed))
        {
            errors.Add("pauseWhen: Closed is final, so a pause on it never ends.");
        }

        if (pauses.Contains(CaseStatus.Resolved))
        {
            errors.Add("pauseWhen: Resolved completes the resolution target and stops the others; it cannot pause them.");
        }

        if (pauses.Contains(CaseStatus.Open))
        {
            errors.Add("pauseWhen: Open is the status in which agents work the case; a pause on it would stop the clock for good once the case is worked.");
        }
    }

    [GeneratedRegex(@"(?:\bcase|getCase\(\))\s*\.\s*([A-Za-z_$][A-Za-z0-9_$]*)")]
    private static partial Regex FieldUse();

    [GeneratedRegex(@"(['""])((?:(?!\1).){1,100})\1")]
    private static partial Regex Literals();
}
