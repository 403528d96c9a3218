using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Backend.Tests.FunctionApps;

/// <summary>
/// A <see cref="FunctionContext"/> over a real <see cref="HttpContext"/>, as the ASP.NET Core integration hands it to
/// the worker middleware: the HttpContext under the integration's item key, and the invocation result in the
/// worker's (internal) bindings feature, reached through a proxy of that interface.
/// </summary>
public sealed class FakeFunctionContext : FunctionContext
{
    // Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore's Constants.HttpContextKey.
    private const string HttpContextKey = "HttpRequestContext";

    public FakeFunctionContext(HttpContext http, IServiceProvider services)
    {
        InstanceServices = services;
        Items = new Dictionary<object, object> { [HttpContextKey] = http };
        var bindingsFeature = typeof(FunctionContext).Assembly.GetType("Microsoft.Azure.Functions.Worker.Context.Features.IFunctionBindingsFeature", throwOnError: true)!;
        var proxy = DispatchProxy.Create(bindingsFeature, typeof(BindingsFeatureProxy));
        Bindings = (BindingsFeatureProxy)proxy;
        Features = new InvocationFeatures { [bindingsFeature] = proxy };
    }

    public BindingsFeatureProxy Bindings { get; }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId { get; } = "test";
    public override TraceContext TraceContext => throw new NotSupportedException();
    public override BindingContext BindingContext => throw new NotSupportedException();
    public override RetryContext RetryContext => throw new NotSupportedException();
    public override IServiceProvider InstanceServices { get; set; }
    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();
    public override IDictionary<object, object> Items { get; set; }
    public override IInvocationFeatures Features { get; }

    /// <summary>Answers the bindings feature's InvocationResult property; nothing else is used by our middleware.</summary>
    public class BindingsFeatureProxy : DispatchProxy
    {
        public object? InvocationResult { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            "get_InvocationResult" => InvocationResult,
            "set_InvocationResult" => InvocationResult = args![0],
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }

    private sealed class InvocationFeatures : Dictionary<Type, object>, IInvocationFeatures
    {
        public T? Get<T>() => TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public void Set<T>(T instance) => this[typeof(T)] = instance!;

        IEnumerator<KeyValuePair<Type, object>> IEnumerable<KeyValuePair<Type, object>>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
