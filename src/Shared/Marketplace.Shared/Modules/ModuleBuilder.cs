using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Marketplace.Shared.Jobs;
using Marketplace.Shared.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Shared.Modules;

/// <summary>What a module declares to the host. Each call both registers services and records the fact.</summary>
public sealed class ModuleBuilder
{
    private readonly LoadedModule _module;

    internal ModuleBuilder(IModule module, IServiceCollection services, IConfiguration configuration)
    {
        _module = new LoadedModule(module.Name, module.Schema, module.GetType().Assembly);
        Services = services;
        Configuration = configuration;
        Settings = configuration.GetSection($"Modules:{module.Name}");
    }

    public IServiceCollection Services { get; }

    /// <summary>The whole configuration (connection strings, shared settings).</summary>
    public IConfiguration Configuration { get; }

    /// <summary>This module's own section, <c>Modules:&lt;Name&gt;</c>.</summary>
    public IConfigurationSection Settings { get; }

    public string Name => _module.Name;

    public string Schema => _module.Schema;

    internal LoadedModule Module => _module;

    /// <summary>
    /// The module's DbContext: its schema, conventions and migrations (see <see cref="ModuleDbContext"/>).
    /// <paramref name="spatial"/> maps NetTopologySuite types to PostGIS (and makes its migrations require PostGIS).
    /// </summary>
    public ModuleBuilder AddDbContext<TContext>(bool spatial = false)
        where TContext : ModuleDbContext
    {
        if (_module.DbContextType is not null)
            throw new InvalidOperationException($"Module {Name} already has a DbContext; a module owns exactly one.");
        _module.DbContextType = typeof(TContext);
        Services.AddModuleDbContext<TContext>(Name, Schema, Configuration, spatial);
        return this;
    }

    /// <summary>A contract implementation: a subclass of a service base generated from the module's .proto.</summary>
    public ModuleBuilder AddContract<TService>()
        where TService : class
    {
        ContractBinding.FindBindAttribute(typeof(TService)); // fails early with a clear message if it is not a gRPC service
        Services.AddScoped<TService>();
        Services.AddSingleton(new ContractServiceRegistration(Name, typeof(TService)));
        _module.Contracts.Add(typeof(TService));
        return this;
    }

    /// <summary>
    /// A durable consumer of another (or this) module's event: <typeparamref name="THandler"/> runs in a transaction
    /// on this module's DbContext together with its inbox row. Declare the DbContext first.
    /// </summary>
    public ModuleBuilder AddEventConsumer<THandler, TEvent>()
        where THandler : class, IEventHandler<TEvent>
        where TEvent : class, IIntegrationEvent
    {
        var contextType = _module.DbContextType
            ?? throw new InvalidOperationException($"Module {Name} declares a consumer of {typeof(TEvent).Name} before its DbContext; the inbox lives there.");
        var registration = EventConsumerRegistration.Create<THandler, TEvent>(Name, contextType);
        if (_module.Consumers.Any(c => c.Durable == registration.Durable))
            throw new InvalidOperationException($"Module {Name} consumes {registration.Subject} twice; one consumer per event and module.");
        Services.AddScoped<THandler>();
        Services.AddSingleton(registration);
        _module.Consumers.Add(registration);
        return this;
    }

    /// <summary>A background job class of this module; it runs on the module's own Hangfire queue.</summary>
    public ModuleBuilder AddJob<TJob>()
        where TJob : class
    {
        Services.AddScoped<TJob>();
        Services.AddSingleton(new JobRegistration(typeof(TJob), Name));
        _module.Jobs.Add(typeof(TJob));
        return this;
    }

    /// <summary>
    /// A recurring run of one of this module's jobs on a cron schedule (UTC), registered with Hangfire when the host
    /// starts (under <paramref name="id"/>, replacing an earlier definition). The job class is declared as with
    /// <see cref="AddJob{TJob}"/>; give the method <c>[DisableConcurrentExecution]</c> when runs must not overlap.
    /// </summary>
    public ModuleBuilder AddRecurringJob<TJob>(string id, string cron, System.Linq.Expressions.Expression<Func<TJob, Task>> call)
        where TJob : class
    {
        if (!_module.Jobs.Contains(typeof(TJob)))
            AddJob<TJob>();
        Services.AddSingleton(RecurringJobRegistration.Create(id, cron, Name, call));
        return this;
    }

    /// <summary>
    /// HTTP endpoints of the module beside GraphQL (e.g. Media's local upload and delivery paths). The host maps them
    /// after the gateway's edge (forwarded headers, CORS, <c>nosniff</c>), only in the process that runs the module.
    /// </summary>
    public ModuleBuilder MapEndpoints(Action<IEndpointRouteBuilder> map)
    {
        _module.Endpoints.Add(map);
        return this;
    }

    public ModuleBuilder AddSeeder<TSeeder>()
        where TSeeder : class, IModuleSeeder
    {
        Services.AddScoped<TSeeder>();
        _module.Seeders.Add(typeof(TSeeder));
        return this;
    }
}

/// <summary>What the host knows of a loaded module once it has registered.</summary>
public sealed class LoadedModule(string name, string schema, System.Reflection.Assembly assembly)
{
    public string Name { get; } = name;

    public string Schema { get; } = schema;

    public System.Reflection.Assembly Assembly { get; } = assembly;

    public Type? DbContextType { get; internal set; }

    public List<Type> Contracts { get; } = [];

    public List<Type> Seeders { get; } = [];

    public List<EventConsumerRegistration> Consumers { get; } = [];

    public List<Type> Jobs { get; } = [];

    public List<Action<IEndpointRouteBuilder>> Endpoints { get; } = [];
}

/// <summary>The modules this process runs in process, in load order.</summary>
public sealed class ModuleRegistry(IReadOnlyList<LoadedModule> modules)
{
    public IReadOnlyList<LoadedModule> Modules { get; } = modules;

    public bool IsLoaded(string name) => Modules.Any(m => m.Name == name);

    public LoadedModule? ForAssembly(System.Reflection.Assembly assembly) => Modules.FirstOrDefault(m => m.Assembly == assembly);
}
