namespace CustomerCases.Domain.Cases;

public enum CaseChannel
{
    Web,
    Email,
    Phone,
    Chat,
    Api,
}
