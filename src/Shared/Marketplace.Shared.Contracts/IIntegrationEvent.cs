namespace Marketplace.Shared.Contracts;

/// <summary>
/// An integration event: an immutable, past-tense <c>record</c> in its publisher's Contracts project, serialized
/// as JSON (System.Text.Json). Its subject is declared with <see cref="IntegrationEventAttribute"/>, never derived
/// from the CLR type name, so renaming a type cannot silently change what travels on the wire.
/// Events carry ids and facts, never secrets (OTP codes, tokens, passwords).
/// </summary>
public interface IIntegrationEvent;

/// <summary>The event's subject, <c>marketplace.&lt;module&gt;.&lt;event&gt;.v&lt;n&gt;</c>, e.g. <c>marketplace.users.user_registered.v1</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class IntegrationEventAttribute(string subject) : Attribute
{
    public string Subject { get; } = subject;
}
