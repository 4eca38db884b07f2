using Grpc.Core;
using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Sms;
using Mediator;

namespace Marketplace.Modules.Users.Buyers.RequestBuyerLoginCode;

/// <summary>
/// Texts a 6-digit code (voiding the phone's older ones). Nothing is sent to a phone whose cap of failures is spent, and
/// every text reserves its message in the budget first (per phone, per client address, globally), so the limits hold
/// however requests arrive (aliases in one document, many connections, many gateway instances).
/// </summary>
internal sealed class RequestBuyerLoginCodeHandler(
    PhoneNumberNormalizer phones,
    ISmsSender sms,
    UserMessageBudget budget,
    LoginCodes codes,
    FailureThrottle throttle,
    DevelopmentAllowances allowances,
    UsersOptions options) : ICommandHandler<RequestBuyerLoginCodeCommand, TimeSpan>
{
    public async ValueTask<TimeSpan> Handle(RequestBuyerLoginCodeCommand command, CancellationToken cancellationToken)
    {
        var phone = phones.Normalize(command.Phone)!;
        // A phone whose cap of failures is spent gets no more codes: another path must unlock it first.
        if (!allowances.IsDemoPhone(phone) && await throttle.IsLockedAsync(ThrottleSubjects.Phone(phone), cancellationToken))
            throw Refusal.SignInLocked().ToException();
        await budget.ReserveSmsAsync(phone, account: null, command.Client.Ip, cancellationToken);

        var code = await codes.IssueAsync(phone, LoginCode.SignIn, cancellationToken);
        try
        {
            await sms.SendAsync(phone, $"Your Marketplace code is {code}. It expires in {(int)options.LoginCodeLifetime.TotalMinutes} minutes. Never share it.", cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The code is not kept either (the transaction rolls back): the user simply asks again.
            throw new RpcException(new Status(StatusCode.Unavailable, "The text message could not be sent; try again shortly."));
        }

        return options.LoginCodeLifetime;
    }
}
