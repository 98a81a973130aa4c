using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Validation;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerCases.Workflows.Tests;

public sealed class WorkflowsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCustomerCasesWorkflows_RegistersEngineScopedAndEveryActivity()
    {
        var services = new ServiceCollection().AddCustomerCasesWorkflows(o => o.AllowedHttpHosts.Add("example.com"));

        Assert.Equal(ServiceLifetime.Scoped, services.Single(d => d.ServiceType == typeof(WorkflowEngine)).Lifetime);
        Assert.Equal(ServiceLifetime.Singleton, services.Single(d => d.ServiceType == typeof(WorkflowDefinitionValidator)).Lifetime);
        Assert.Single(services, d => d.ServiceType == typeof(ActivityRegistry));
        Assert.Equal(BuiltInActivities.Create().Count, services.Count(d => d.ServiceType == typeof(IActivity)));
        var options = (WorkflowOptions)services.Single(d => d.ServiceType == typeof(WorkflowOptions)).ImplementationInstance!;
        Assert.Contains("example.com", options.AllowedHttpHosts);
    }

    [Fact]
    public void ActivityRegistry_DuplicateType_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ActivityRegistry([new StartActivity(), new StartActivity()]));

        Assert.Contains("Elsa.Start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActivityRegistry_BuiltIns_HaveUniqueElsaOrCustomerCasesNames() =>
        Assert.All(new ActivityRegistry(BuiltInActivities.Create()).Types,
            t => Assert.True(t.StartsWith("Elsa.", StringComparison.Ordinal) || t.StartsWith("CustomerCases.", StringComparison.Ordinal)));
}
