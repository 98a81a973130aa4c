namespace CustomerCases.Domain.Access;

/// <summary>The roles an API key can carry. Admin may call every endpoint.</summary>
public static class Roles
{
    public const string Intake = "intake";
    public const string Agent = "agent";
    public const string Manager = "manager";
    public const string Designer = "designer";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Intake, Agent, Manager, Designer, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
