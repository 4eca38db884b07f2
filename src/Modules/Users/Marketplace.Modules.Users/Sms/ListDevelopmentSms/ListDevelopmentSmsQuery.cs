using Mediator;

namespace Marketplace.Modules.Users.Sms.ListDevelopmentSms;

/// <summary>Development only: the texts the development sender kept, newest first, to one phone (empty: all).</summary>
internal sealed record ListDevelopmentSmsQuery(string Phone) : IQuery<IReadOnlyList<DevelopmentSmsMessage>>;
