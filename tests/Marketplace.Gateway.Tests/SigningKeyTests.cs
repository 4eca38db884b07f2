using System.Security.Cryptography;
using Marketplace.Gateway.Tests.Support;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using CallContext = Marketplace.Shared.Contracts.CallContext;

namespace Marketplace.Gateway.Tests;

/// <summary>The Users module's signing keys in a database of their own: created once on first use, rotatable, and trusted by the gateway.</summary>
public sealed class SigningKeyTests : IAsyncLifetime
{
    private string _database = null!;
    private GatewayFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestServices.CreateDatabaseAsync("gateway_keys");
        _factory = (GatewayFactory)new GatewayFactory().With("ConnectionStrings:Marketplace", _database);
        _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await TestServices.DropDatabaseAsync(_database);
    }

    private UsersSigningKeys.UsersSigningKeysClient Users => _factory.Services.GetRequiredService<UsersSigningKeys.UsersSigningKeysClient>();

    [Fact]
    public async Task Concurrent_first_calls_create_exactly_one_ES256_key()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Users.GetSigningKeysAsync(new GetSigningKeysRequest()).ResponseAsync));

        responses.Select(r => r.ActiveKeyId).Distinct().Should().ContainSingle();
        (await CountKeysAsync()).Should().Be(1);
        var key = new JsonWebKeySet(responses[0].JwksJson).Keys.Single();
        key.Kty.Should().Be("EC");
        key.Alg.Should().Be("ES256");
        key.Crv.Should().Be("P-256");
    }

    [Fact]
    public async Task Tokens_signed_with_the_active_key_verify_before_and_after_a_rotation()
    {
        var client = _factory.CreateClient();
        var first = (await Users.GetSigningKeysAsync(new GetSigningKeysRequest())).ActiveKeyId;
        var oldToken = await SignWithStoredKeyAsync(first, "before-rotation");

        using (CallContext.Push(new CallContext(Caller.Service("Tests"), CallContext.NewCorrelationId())))
            await Users.RotateSigningKeyAsync(new RotateSigningKeyRequest());
        var second = (await Users.GetSigningKeysAsync(new GetSigningKeysRequest())).ActiveKeyId;
        var newToken = await SignWithStoredKeyAsync(second, "after-rotation");

        var (_, before) = await client.QueryAsync("{ viewer { userId } }", token: oldToken);
        var (_, after) = await client.QueryAsync("{ viewer { userId } }", token: newToken);

        second.Should().NotBe(first);
        before!["data"]!["viewer"]!["userId"]!.GetValue<string>().Should().Be("before-rotation");
        after!["data"]!["viewer"]!["userId"]!.GetValue<string>().Should().Be("after-rotation", "an unknown kid makes the gateway refetch the keys");
    }

    [Fact]
    public async Task A_rotated_out_key_leaves_the_JWKS_once_its_last_token_can_have_expired()
    {
        var first = (await Users.GetSigningKeysAsync(new GetSigningKeysRequest())).ActiveKeyId;
        using (CallContext.Push(new CallContext(Caller.Service("Tests"), CallContext.NewCorrelationId())))
            await Users.RotateSigningKeyAsync(new RotateSigningKeyRequest());

        var justRotated = await Users.GetSigningKeysAsync(new GetSigningKeysRequest());
        // 16 minutes later: past the 15-minute token lifetime and the 30 s clock skew.
        await using (var connection = new NpgsqlConnection(_database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE users.signing_keys SET retires_at = retires_at - interval '16 minutes' WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", first);
            await command.ExecuteNonQueryAsync();
        }

        var later = await Users.GetSigningKeysAsync(new GetSigningKeysRequest());

        new JsonWebKeySet(justRotated.JwksJson).Keys.Select(k => k.Kid).Should().Contain(first, "its tokens may still be valid");
        new JsonWebKeySet(later.JwksJson).Keys.Select(k => k.Kid).Should().Equal([later.ActiveKeyId], "no token it signed can still be valid");
    }

    private async Task<long> CountKeysAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM users.signing_keys", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // What the Users module's login will do (issue 5): sign with the stored private key of the active key.
    private async Task<string> SignWithStoredKeyAsync(string keyId, string userId)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT private_key, private_key_encrypted FROM users.signing_keys WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", keyId);
        byte[] pkcs8;
        bool encrypted;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            pkcs8 = (byte[])reader[0];
            encrypted = reader.GetBoolean(1);
        }

        using var key = ECDsa.Create();
        // Private halves are always encrypted now (Development's built-in passphrase when none is set).
        if (encrypted)
            key.ImportEncryptedPkcs8PrivateKey(TestServices.SigningKeyPassphrase, pkcs8, out _);
        else
            key.ImportPkcs8PrivateKey(pkcs8, out _);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestSigningKey.Issuer,
            Audience = TestSigningKey.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = userId, ["roles"] = new[] { "BUYER" } },
            Expires = DateTime.UtcNow.AddMinutes(5),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }
}

/// <summary>With <c>Modules:Users:SigningKeyPassphrase</c> set, new keys' private halves are encrypted at rest.</summary>
public sealed class EncryptedSigningKeyTests : IAsyncLifetime
{
    private const string Passphrase = "correct horse battery staple for keys";
    private string _database = null!;
    private GatewayFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestServices.CreateDatabaseAsync("gateway_enc_keys");
        _factory = (GatewayFactory)new GatewayFactory()
            .With("ConnectionStrings:Marketplace", _database)
            .With("Modules:Users:SigningKeyPassphrase", Passphrase);
        _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await TestServices.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task The_stored_private_key_is_encrypted_PKCS8_of_the_published_key()
    {
        var client = _factory.CreateClient();
        var users = _factory.Services.GetRequiredService<UsersSigningKeys.UsersSigningKeysClient>();
        var active = (await users.GetSigningKeysAsync(new GetSigningKeysRequest())).ActiveKeyId;

        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT private_key, private_key_encrypted FROM users.signing_keys WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", active);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        var stored = (byte[])reader[0];
        reader.GetBoolean(1).Should().BeTrue();

        using var plain = ECDsa.Create();
        var readAsPlain = () => plain.ImportPkcs8PrivateKey(stored, out _);
        readAsPlain.Should().Throw<CryptographicException>("the stored bytes are not a plain PKCS#8 key");
        using var decrypted = ECDsa.Create();
        decrypted.ImportEncryptedPkcs8PrivateKey(Passphrase, stored, out _);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestSigningKey.Issuer,
            Audience = TestSigningKey.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "decrypted-key", ["roles"] = new[] { "BUYER" } },
            Expires = DateTime.UtcNow.AddMinutes(5),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(decrypted) { KeyId = active }, SecurityAlgorithms.EcdsaSha256),
        });
        var (_, viewer) = await client.QueryAsync("{ viewer { userId } }", token: token);
        viewer!["data"]!["viewer"]!["userId"]!.GetValue<string>().Should().Be("decrypted-key", "the decrypted key is the published key's private half");
    }
}
