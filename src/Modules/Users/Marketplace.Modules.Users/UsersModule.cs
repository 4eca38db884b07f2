using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.GrpcServices;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Modules.Users.Sellers;
using Marketplace.Modules.Users.SigningKeys;
using Marketplace.Modules.Users.Sms;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Marketplace.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Modules.Users;

/// <summary>The Users module's entry type: everything the host needs to load it.</summary>
public sealed class UsersModule : IModule
{
    public string Name => "Users";

    public string Schema => UsersDbContext.SchemaName;

    public void Register(ModuleBuilder module)
    {
        var options = new UsersOptions
        {
            // Issuer and audience are the gateway's expectations: one setting, both sides.
            Issuer = module.Configuration["Gateway:Auth:Issuer"] ?? "marketplace",
            Audience = module.Configuration["Gateway:Auth:Audience"] ?? "marketplace-api",
            ClockSkew = TimeSpan.TryParse(module.Configuration["Gateway:Auth:ClockSkew"], System.Globalization.CultureInfo.InvariantCulture, out var skew) ? skew : TimeSpan.FromSeconds(30),
        };
        module.Settings.Bind(options);
        // Links in emails lead to this host unless a client app's address is set (in Development the host serves the
        // pages they open: the gateway's AccountLinkPages).
        if (string.IsNullOrEmpty(module.Settings["PublicBaseUrl"]))
            options.PublicBaseUrl = $"http://localhost:{module.Configuration["Server:HttpPort"] ?? "8080"}";
        var development = string.Equals(module.Configuration[Microsoft.Extensions.Hosting.HostDefaults.EnvironmentKey], Microsoft.Extensions.Hosting.Environments.Development, StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(options.SigningKeyPassphrase))
        {
            // Private signing keys are never stored in clear outside Development.
            options.SigningKeyPassphrase = development
                ? UsersOptions.DevelopmentSigningKeyPassphrase
                : throw new ConfigurationException("Modules:Users:SigningKeyPassphrase", null, "required outside Development: it encrypts the token signing keys at rest (use a long random secret from your secret store)");
        }

        Validate(options);
        module.Services.AddSingleton(options);

        module.AddDbContext<UsersDbContext>();
        module.Services.TryAddSingleton(TimeProvider.System);
        module.Services.AddScoped<SigningKeyStore>();
        module.Services.AddScoped<TokenIssuer>();
        module.Services.AddScoped<SessionService>();
        module.Services.AddHostedService<RevocationMarkRelay>();
        module.Services.AddScoped<FailureThrottle>();
        module.Services.AddScoped<LoginCodes>();
        module.Services.AddScoped<UserMessageBudget>();
        module.Services.AddSingleton(new DevelopmentAllowances(development, developmentInbox: development && !string.Equals(options.Sms.Provider, "Http", StringComparison.OrdinalIgnoreCase)));
        module.Services.AddSingleton<PhoneNumberNormalizer>();
        module.Services.AddSingleton<PasswordHasher>();
        module.Services.AddScoped<AccountEmails>();
        module.Services.AddScoped<Admins.AdminAccounts>();
        module.Services.AddContractClient<NotificationsDelivery.NotificationsDeliveryClient>("Notifications");

        if (string.Equals(options.Sms.Provider, "Http", StringComparison.OrdinalIgnoreCase))
        {
            module.Services.AddHttpClient<ISmsSender, HttpSmsSender>(client => client.Timeout = TimeSpan.FromSeconds(10));
        }
        else
        {
            module.Services.AddSingleton<DevelopmentSmsInbox>();
            module.Services.AddSingleton<ISmsSender, DevelopmentSmsSender>();
        }

        module.AddContract<UsersSigningKeysGrpcService>();
        module.AddContract<UsersAuthGrpcService>();
        module.AddContract<UsersProfilesGrpcService>();
        module.AddSeeder<DemoData.UsersDemoData>();
    }

    private static void Validate(UsersOptions options)
    {
        if (options.PasswordIterations < 210_000)
            throw new ConfigurationException("Modules:Users:PasswordIterations", options.PasswordIterations.ToString(System.Globalization.CultureInfo.InvariantCulture), "PBKDF2-SHA512 needs at least 210000 iterations");
        if (options.AccessTokenLifetime <= TimeSpan.Zero || options.AccessTokenLifetime > TimeSpan.FromHours(1))
            throw new ConfigurationException("Modules:Users:AccessTokenLifetime", options.AccessTokenLifetime.ToString(), "must be between 0 and 1 hour");
        var sms = options.Sms;
        if (string.Equals(sms.Provider, "Http", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(sms.BaseUrl, UriKind.Absolute, out _) || string.IsNullOrEmpty(sms.AccountSid) || string.IsNullOrEmpty(sms.AuthToken))
                throw new ConfigurationException("Modules:Users:Sms:BaseUrl", sms.BaseUrl, "the Http SMS provider needs an absolute BaseUrl, an AccountSid and an AuthToken");
        }
        else if (!string.Equals(sms.Provider, "Development", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException("Modules:Users:Sms:Provider", sms.Provider, "use Development or Http");
        }
    }
}
