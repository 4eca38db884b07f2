using FluentValidation;
using Marketplace.Gateway;
using Marketplace.Host.Commands;
using Marketplace.Modules.Catalog;
using Marketplace.Modules.Inventory;
using Marketplace.Modules.Media;
using Marketplace.Modules.Notifications;
using Marketplace.Modules.Ordering;
using Marketplace.Modules.Sellers;
using Marketplace.Modules.Users;
using Marketplace.Shared;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Marketplace.Shared.Jobs;
using Marketplace.Shared.Modules;
using Marketplace.Shared.Operations;
using Marketplace.Shared.UseCases;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Marketplace.Host;

/// <summary>
/// The composition root: one ASP.NET Core host that loads the modules and, depending on the command, serves
/// (GraphQL on the HTTP port, contracts on the gRPC port), migrates or seeds.
/// </summary>
internal static class MarketplaceApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = HostCommand.Parse(args);
        try
        {
            var builder = CreateBuilder(command.ConfigurationArgs);
            await using var app = builder.Build();
            return command.Name switch
            {
                HostCommand.Serve => await ServeAsync(app),
                HostCommand.Migrate => await MigrateCommand.RunAsync(app.Services, includeMessaging: false),
                HostCommand.Seed => await SeedCommand.RunAsync(app.Services),
                HostCommand.Migrations => await MigrationsAddCommand.RunAsync(app.Services, command.Arguments),
                HostCommand.DeadLetters => await DeadLettersCommand.RunAsync(app.Services, command.Arguments),
                CreateAdminCommand.Name => await CreateAdminCommand.RunAsync(app.Services, command.Arguments),
                _ => Fail($"unknown command '{command.Name}'. Commands: serve (default), migrate, seed, migrations add <Module> <Name>, dead-letters list|replay <Module> [id], create-admin <email>", 64),
            };
        }
        catch (ConfigurationException exception)
        {
            return Fail(exception.Message, 2);
        }
        catch (Exception exception) when (exception.InnerException is ConfigurationException configuration)
        {
            return Fail(configuration.Message, 2);
        }
        catch (Exception exception) when (exception is not HostAbortedException && !string.Equals(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"), "Development", StringComparison.OrdinalIgnoreCase))
        {
            // Outside Development: one line, not a wall of stack trace (the logs above it say more).
            return Fail($"{exception.GetType().Name}: {exception.GetBaseException().Message.ReplaceLineEndings(" ")}", 1);
        }
    }

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddMarketplaceObservability();
        ConfigureServices(builder.Services, builder.Configuration, builder.Environment);
        ConfigureKestrel(builder);

        // The Mediator generator registers every module's handlers. With some modules in other processes, their
        // handlers' dependencies (DbContexts, options) are absent on purpose and never resolved (calls go over gRPC),
        // so Development's check that every registration resolves holds only when this process runs all modules.
        var registry = builder.Services.Select(d => d.ImplementationInstance).OfType<ModuleRegistry>().Single();
        var development = builder.Environment.IsDevelopment();
        builder.Host.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = development;
            options.ValidateOnBuild = development && registry.Modules.Count == ModuleCatalog.All.Count;
        });
        return builder;
    }

    public static void ConfigureServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var contractOptions = new ContractOptions
        {
            DetailedErrors = environment.IsDevelopment(),
            ServiceToken = string.IsNullOrWhiteSpace(configuration["Contracts:ServiceToken"]) ? null : configuration["Contracts:ServiceToken"],
        };
        services.AddSingleton(contractOptions);
        services.AddMarketplaceInfrastructure(configuration);

        var modules = services.AddModules(configuration, ModuleCatalog.All);
        services.AddEventBackbone(configuration);
        services.AddJobs(configuration);

        // Source generated (no reflection at run time): it sees the modules' internal handlers through
        // InternalsVisibleTo("Marketplace.Host"); see docs/adr/0002-mediator-source-generator-in-host.md.
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.GenerateTypesAsInternal = true;
            options.Assemblies = [typeof(UsersModule), typeof(SellersModule), typeof(CatalogModule), typeof(InventoryModule), typeof(OrderingModule), typeof(NotificationsModule), typeof(MediaModule)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(AdmissionBehavior<,>), typeof(TransactionBehavior<,>)];
        });
        services.AddValidatorsFromAssemblies(modules.Modules.Select(m => m.Assembly), ServiceLifetime.Scoped, includeInternalTypes: true);

        var unregistered = HandlerRegistrationCheck.FindUnregistered(services, modules.Modules.Select(m => m.Assembly));
        if (unregistered.Count > 0)
            throw new InvalidOperationException($"Use-case handlers not registered by the Mediator generator: {string.Join(", ", unregistered)}");

        services.AddGateway(configuration, environment);

        if (Settings.Port(configuration, "Server:GrpcPort", 0, allowZero: true) > 0)
        {
            if (contractOptions.ServiceToken is null && !environment.IsDevelopment())
                throw new ConfigurationException("Contracts:ServiceToken", null, "serving contracts over gRPC outside Development needs a shared service token");
            services.AddContractServer(contractOptions);
        }
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var address = Settings.Address(configuration, "Server:BindAddress", builder.Environment.IsDevelopment() ? "127.0.0.1" : "0.0.0.0");
        var httpPort = Settings.Port(configuration, "Server:HttpPort", 8080);
        var grpcPort = Settings.Port(configuration, "Server:GrpcPort", 0, allowZero: true);
        var maxBody = Settings.Bytes(configuration, "Server:MaxRequestBodyBytes", 1024 * 1024);
        if (grpcPort == httpPort)
            throw new ConfigurationException("Server:GrpcPort", grpcPort.ToString(), "must differ from Server:HttpPort");

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = maxBody;
            kestrel.Listen(address, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
            // Contracts trust the caller identity in their metadata, so they get a port of their own that is
            // never the public one (and require the service token outside Development).
            if (grpcPort > 0)
                kestrel.Listen(address, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
    }

    public static void ConfigurePipeline(WebApplication app)
    {
        app.UseCorrelation();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            // Modules in other processes show as Degraded (still 200) when down: docs/deployment.md says why.
            Predicate = check => check.Tags.Contains(Infrastructure.ReadyTag) || check.Tags.Contains(ContractHealth.RemoteModuleTag),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        app.MapGateway();
        // Modules' own HTTP endpoints (Media's local uploads and delivery), behind the same edge as GraphQL.
        foreach (var map in app.Services.GetRequiredService<ModuleRegistry>().Modules.SelectMany(m => m.Endpoints))
            map(app);

        app.UseJobsDashboard();

        var grpcPort = Settings.Port(app.Configuration, "Server:GrpcPort", 0, allowZero: true);
        if (grpcPort > 0)
        {
            var registry = app.Services.GetRequiredService<ModuleRegistry>();
            app.MapContracts(registry.Modules.SelectMany(m => m.Contracts), grpcPort);
        }
    }

    private static async Task<int> ServeAsync(WebApplication app)
    {
        var unreachable = await StartupProbe.FindUnreachableAsync(app.Services, includeMessaging: true, TimeSpan.FromSeconds(5));
        if (unreachable is not null)
            return Fail(unreachable, 3);

        if (Settings.Flag(app.Configuration, "Database:MigrateOnStart", app.Environment.IsDevelopment()))
            await MigrateCommand.MigrateAllAsync(app.Services, CancellationToken.None);

        ConfigurePipeline(app);
        await app.RunAsync();
        return 0;
    }

    /// <summary>One line on standard error, no stack trace: what failed, which setting, which value.</summary>
    public static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine($"marketplace: cannot start: {message}");
        return exitCode;
    }
}
