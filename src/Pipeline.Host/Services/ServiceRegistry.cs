namespace Pipeline.Host.Services;

/// <summary>
/// Run-wide services analyzers get through RunStartContext.GetService&lt;T&gt;(). A lazily
/// registered service is created on its first request, once per run, and shared by every analyzer.
/// </summary>
public sealed class ServiceRegistry
{
    private readonly Dictionary<Type, Lazy<object>> _services = [];

    public ServiceRegistry AddLazy<T>(Func<T> factory) where T : class
    {
        _services[typeof(T)] = new Lazy<object>(factory, LazyThreadSafetyMode.ExecutionAndPublication);
        return this;
    }

    /// <summary>The service, created now if needed; null when none is registered. A factory's exception is rethrown to every caller.</summary>
    public T? Get<T>() where T : class => _services.TryGetValue(typeof(T), out var lazy) ? (T)lazy.Value : null;

    public bool IsCreated<T>() where T : class => _services.TryGetValue(typeof(T), out var lazy) && lazy.IsValueCreated;
}
