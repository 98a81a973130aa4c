namespace CustomerCases.Workflows.Tests.Support;

/// <summary>A tiny service provider holding the port fakes a test gives the engine.</summary>
internal sealed class SimpleServiceProvider : IServiceProvider
{
    private readonly Dictionary<Type, object> _services = [];

    public SimpleServiceProvider Add<T>(T service) where T : class
    {
        _services[typeof(T)] = service;
        return this;
    }

    public object? GetService(Type serviceType) => _services.GetValueOrDefault(serviceType);
}
