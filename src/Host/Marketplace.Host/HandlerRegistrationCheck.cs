using System.Reflection;
using Mediator;

namespace Marketplace.Host;

/// <summary>
/// Guards the decision of docs/adr/0002: every use-case handler inside a module (internal types) must be
/// registered by the source-generated <c>AddMediator</c>. A handler it missed would fail only when first called.
/// </summary>
internal static class HandlerRegistrationCheck
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(ICommandHandler<,>), typeof(ICommandHandler<>), typeof(IQueryHandler<,>),
        typeof(IRequestHandler<,>), typeof(IRequestHandler<>), typeof(INotificationHandler<>),
        typeof(IStreamQueryHandler<,>), typeof(IStreamCommandHandler<,>), typeof(IStreamRequestHandler<,>),
    ];

    public static IReadOnlyList<string> FindUnregistered(IServiceCollection services, IEnumerable<Assembly> moduleAssemblies)
    {
        var registered = services.Select(d => d.ServiceType).ToHashSet();
        return moduleAssemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()))
                .Where(i => !registered.Contains(i))
                .Select(i => $"{t.FullName} as {i.Name}"))
            .ToList();
    }
}
