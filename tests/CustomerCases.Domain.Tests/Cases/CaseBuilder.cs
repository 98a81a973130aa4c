using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Domain.Customers;

namespace CustomerCases.Domain.Tests.Cases;

internal static class CaseBuilder
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly Actor Agent = new(ActorKind.User, "agent-1", "Ada Agent");

    public static Case New(CaseDraft? draft = null) =>
        Case.Open(42, new Customer("Ann@Example.com ", "Ann", null, "gold", T0),
            draft ?? new CaseDraft("Printer broken", "It shows E42.") { Tags = ["Hardware", "hardware", " urgent "] },
            Actor.System, T0);

    public static Case InStatus(CaseStatus status)
    {
        var c = New();
        if (status == CaseStatus.New)
        {
            return c;
        }

        c.ChangeStatus(CaseStatus.Open, Agent, T0.AddMinutes(1));
        if (status != CaseStatus.Open)
        {
            c.ChangeStatus(status, Agent, T0.AddMinutes(2));
        }

        return c;
    }
}
