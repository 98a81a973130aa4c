namespace CustomerCases.Domain.Cases;

public enum CaseStatus
{
    New,
    Open,
    PendingCustomer,
    OnHold,
    Resolved,
    Closed,
}
