using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Modules.Users.Sms.ListDevelopmentSms;

/// <summary>
/// The inbox exists only with the development SMS sender; outside Development (or with a real provider) there is none
/// to read, whoever asks.
/// </summary>
internal sealed class ListDevelopmentSmsHandler(IHostEnvironment environment, PhoneNumberNormalizer phones, DevelopmentSmsInbox? inbox = null)
    : IQueryHandler<ListDevelopmentSmsQuery, IReadOnlyList<DevelopmentSmsMessage>>
{
    public ValueTask<IReadOnlyList<DevelopmentSmsMessage>> Handle(ListDevelopmentSmsQuery query, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || inbox is null)
            throw ContractError.NotFound(UsersErrorCodes.DevelopmentSmsUnavailable, "The development SMS inbox exists in Development only.");
        var phone = query.Phone.Length == 0 ? null : phones.Normalize(query.Phone) ?? query.Phone;
        return ValueTask.FromResult(inbox.List(phone));
    }
}
