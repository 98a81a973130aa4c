namespace CustomerCases.Domain.Common;

/// <summary>Who did something: recorded on every history entry and message so reports can attribute work.</summary>
public sealed record Actor(ActorKind Kind, string Id, string? Name = null)
{
    public static readonly Actor System = new(ActorKind.System, "system", "CustomerCases");

    public static Actor Customer(Guid customerId, string? name) => new(ActorKind.Customer, customerId.ToString(), name);

    public static Actor Workflow(string instanceId) => new(ActorKind.Workflow, instanceId, "workflow");

    public static Actor Model(string modelVersion) => new(ActorKind.Model, modelVersion, "triage model " + modelVersion);

    public override string ToString() => Name is null ? $"{Kind}:{Id}" : $"{Kind}:{Id} ({Name})";
}

public enum ActorKind
{
    System,
    Customer,
    User,
    Workflow,
    Model,
}
