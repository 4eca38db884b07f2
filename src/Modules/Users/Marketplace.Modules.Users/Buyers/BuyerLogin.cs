using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Modules.Users.Sms;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Buyers;

/// <summary>
/// Passwordless buyer sign-in: a 6-digit code by SMS, then the code for tokens. The first success registers the
/// buyer. Limits are counted here, per phone and per client IP, so they hold however requests arrive (aliases in
/// one document, many connections, many gateway instances).
/// </summary>
internal sealed class BuyerLogin(
    UsersDbContext db,
    PhoneNumberNormalizer phones,
    ISmsSender sms,
    UserMessageBudget budget,
    LoginCodes codes,
    FailureThrottle throttle,
    SessionService sessions,
    UsersOptions options,
    TimeProvider clock)
{
    public async Task<RequestBuyerLoginCodeResponse> RequestCodeAsync(RequestBuyerLoginCodeRequest request, CancellationToken cancellationToken)
    {
        var phone = phones.Normalize(request.Phone) ?? throw PhoneInvalid();
        // A phone whose cap of failures is spent gets no more codes: another path must unlock it first.
        if (await throttle.IsLockedAsync(Secrets.SubjectKey("phone", phone), cancellationToken))
            throw FailureThrottle.Locked();
        await budget.ReserveSmsAsync(phone, account: null, request.Client?.Ip, cancellationToken);

        var code = await codes.IssueAsync(phone, LoginCode.SignIn, cancellationToken);
        try
        {
            await sms.SendAsync(phone, $"Your Marketplace code is {code}. It expires in {(int)options.LoginCodeLifetime.TotalMinutes} minutes. Never share it.", cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "The text message could not be sent; try again shortly."));
        }
        return new RequestBuyerLoginCodeResponse { ExpiresInSeconds = (int)options.LoginCodeLifetime.TotalSeconds };
    }

    public async Task<SignedIn> VerifyAsync(VerifyBuyerLoginCodeRequest request, CancellationToken cancellationToken)
    {
        var phone = phones.Normalize(request.Phone) ?? throw PhoneInvalid();
        // Single use, tries reserved before the comparison, the phone's hard cap counted: see LoginCodes.
        if (!await codes.TryConsumeAsync(phone, LoginCode.SignIn, request.Code, Secrets.SubjectKey("phone", phone), cancellationToken))
        {
            throw ContractError.InvalidArgument("CODE_INVALID", "The code is wrong, expired or already used.",
                [new FieldViolation("code", "The code is wrong, expired or already used.", "CODE_INVALID")]);
        }

        var now = clock.GetUtcNow();
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Phone == phone, cancellationToken);
        if (user is null)
        {
            user = new User { Role = Roles.Buyer, Phone = phone, CreatedAt = now };
            db.Add(user);
            db.AddEvent(new BuyerRegistered(user.Id, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
            {
                // Registered a moment ago by a concurrent sign-in of the same phone: that buyer it is.
                db.ChangeTracker.Clear();
                user = await db.Set<User>().FirstAsync(u => u.Phone == phone, cancellationToken);
            }
        }
        else if (user.Role != Roles.Buyer)
        {
            throw ContractError.FailedPrecondition("NOT_A_BUYER", "This phone belongs to an account that signs in another way.");
        }

        return await sessions.StartAsync(user, request.Client, cancellationToken);
    }

    private static Grpc.Core.RpcException PhoneInvalid() =>
        ContractError.InvalidArgument("PHONE_INVALID", "Enter a valid phone number with its country code, e.g. +44 7911 123456.",
            [new FieldViolation("phone", "Not a valid phone number.", "PHONE_INVALID")]);
}
