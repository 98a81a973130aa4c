namespace CustomerCases.Domain.Cases;

/// <summary>
/// The case lifecycle as help desks users trust it (case-management-reference §2.5): a case never returns to New,
/// Closed is final, a Resolved case must be reopened before it can wait on the customer or be put on hold.
/// </summary>
public static class CaseStatusRules
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Allowed = new()
    {
        [CaseStatus.New] = [CaseStatus.Open, CaseStatus.PendingCustomer, CaseStatus.OnHold, CaseStatus.Resolved, CaseStatus.Closed],
        [CaseStatus.Open] = [CaseStatus.PendingCustomer, CaseStatus.OnHold, CaseStatus.Resolved, CaseStatus.Closed],
        [CaseStatus.PendingCustomer] = [CaseStatus.Open, CaseStatus.OnHold, CaseStatus.Resolved, CaseStatus.Closed],
        [CaseStatus.OnHold] = [CaseStatus.Open, CaseStatus.PendingCustomer, CaseStatus.Resolved, CaseStatus.Closed],
        [CaseStatus.Resolved] = [CaseStatus.Open, CaseStatus.Closed],
        [CaseStatus.Closed] = [],
    };

    public static bool CanMove(CaseStatus from, CaseStatus to) => from == to || Allowed[from].Contains(to);

    public static IReadOnlyList<CaseStatus> NextStatuses(CaseStatus from) => Allowed[from];
}
