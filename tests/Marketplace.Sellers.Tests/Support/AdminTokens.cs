using Marketplace.Testing;

namespace Marketplace.Sellers.Tests.Support;

/// <summary>
/// Access tokens for an ADMIN (administrators exist only through the host's <c>create-admin</c> command), signed with
/// one <see cref="TestSigningKey"/> published for the whole suite.
/// </summary>
public static class AdminTokens
{
    private static readonly Lazy<Task<TestSigningKey>> Key = new(() => TestSigningKey.CreateAsync());

    public static async Task<string> IssueAsync() => (await Key.Value).Issue(Guid.CreateVersion7(), "ADMIN");
}
