namespace Pipeline.Host.Services;

/// <summary>
/// Run-wide services analyzers get through RunStartContext.GetService&lt;T&gt;(). A lazily
/// registered service is created on its first request, once per run, and shared by every analyzer.
/// Disposing the registry disposes the services it created.
/// </summary>
public sealed class ServiceRegistry : IDisposable
{
    private readonly Dictionary<Type, Lazy<object>> _services = [];
    private readonly List<IDisposable> _owned = [];

    public ServiceRegistry AddLazy<T>(Func<T> factory) where T : class
    {
        _services[typeof(T)] = new Lazy<object>(() => Own(factory()), LazyThreadSafetyMode.ExecutionAndPublication);
        return this;
    }

    /// <summary>The service, created now if needed; null when none is registered. A factory's exception is rethrown to every caller.</summary>
    public T? Get<T>() where T : class => (T?)Get(typeof(T));

    public object? Get(Type type) => _services.TryGetValue(type, out var lazy) ? lazy.Value : null;

    public bool IsCreated<T>() where T : class => _services.TryGetValue(typeof(T), out var lazy) && lazy.IsValueCreated;

    /// <summary>Disposes <paramref name="service"/> with the registry (a service's inner parts, say).</summary>
    public T Own<T>(T service)
    {
        if (service is IDisposable disposable)
            lock (_owned) _owned.Add(disposable);
        return service;
    }

    private volatile bool _leaveUndisposed;

    /// <summary>
    /// Makes <see cref="Dispose"/> leave the services alone: a call abandoned after its timeout
    /// may still be using them (an encoder's native session), and the process's exit frees them.
    /// </summary>
    public void LeaveUndisposed() => _leaveUndisposed = true;

    public void Dispose()
    {
        if (_leaveUndisposed) return;
        lock (_owned)
        {
            // Outer services first: they may still use the inner ones they were built on.
            for (int i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
            _owned.Clear();
        }
    }
}
