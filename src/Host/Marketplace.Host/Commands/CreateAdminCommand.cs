using System.Text;
using Marketplace.Modules.Users.Admins;
using Marketplace.Shared.Contracts;

namespace Marketplace.Host.Commands;

/// <summary>
/// <c>create-admin &lt;email&gt;</c>: the only way an ADMIN account comes to exist. The password is read from the
/// <see cref="PasswordVariable"/> environment variable, else from standard input (not echoed on a terminal); never
/// from the command line, where other users of the machine and shell history could read it.
/// </summary>
internal static class CreateAdminCommand
{
    public const string Name = "create-admin";
    public const string PasswordVariable = "MARKETPLACE_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments)
    {
        if (arguments.Count != 1)
        {
            await Console.Error.WriteLineAsync($"usage: {Name} <email>   (password from ${PasswordVariable} or standard input)");
            return 64;
        }

        var migrated = await MigrateCommand.RunAsync(services, includeMessaging: false);
        if (migrated != 0)
            return migrated;

        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? ReadPassword();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync($"marketplace: create-admin: no password (set ${PasswordVariable} or pipe it to standard input)");
            return 64;
        }

        await using var scope = services.CreateAsyncScope();
        using var context = CallContext.Push(new CallContext(Caller.Service("Users"), CallContext.NewCorrelationId()));
        var (id, problem) = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateAsync(arguments[0], password, CancellationToken.None);
        if (problem is not null)
        {
            await Console.Error.WriteLineAsync($"marketplace: create-admin: {problem}");
            return 1;
        }

        await Console.Out.WriteLineAsync($"created admin {id}");
        return 0;
    }

    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
            return Console.In.ReadLine();
        Console.Error.Write("Password: ");
        var password = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
                password.Length--;
            else if (!char.IsControl(key.KeyChar))
                password.Append(key.KeyChar);
        }

        Console.Error.WriteLine();
        return password.ToString();
    }
}
