using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Modules.Users.Sms;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.RateLimiting;
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
    ISubjectRateLimiter limiter,
    FailureThrottle throttle,
    SessionService sessions,
    UsersOptions options,
    TimeProvider clock)
{
    public async Task<RequestBuyerLoginCodeResponse> RequestCodeAsync(RequestBuyerLoginCodeRequest request, CancellationToken cancellationToken)
    {
        var phone = phones.Normalize(request.Phone) ?? throw PhoneInvalid();
        var limits = options.Limits;
        if (!string.IsNullOrEmpty(request.Client?.Ip))
            await limiter.EnforceAsync(new SubjectRateLimit("users-code-send-ip", limits.CodeSendsPerIpPerHour, TimeSpan.FromHours(1)), request.Client.Ip, cancellationToken);
        await limiter.EnforceAsync(new SubjectRateLimit("users-code-send-phone-min", limits.CodeSendsPerPhonePerMinute, TimeSpan.FromMinutes(1)), phone, cancellationToken);
        await limiter.EnforceAsync(new SubjectRateLimit("users-code-send-phone-hour", limits.CodeSendsPerPhonePerHour, TimeSpan.FromHours(1)), phone, cancellationToken);

        var now = clock.GetUtcNow();
        // A new code replaces the previous ones (failed attempts are not reset: they live in FailureThrottle).
        await db.Set<LoginCode>().Where(c => c.Phone == phone && c.Purpose == LoginCode.SignIn && c.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), cancellationToken);
        var code = Secrets.NewCode();
        db.Add(new LoginCode { Phone = phone, CodeHash = Secrets.HashCode(phone, code), CreatedAt = now, ExpiresAt = now + options.LoginCodeLifetime });
        await db.SaveChangesAsync(cancellationToken);
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
        var subject = Secrets.SubjectKey("phone", phone);
        await throttle.EnsureAllowedAsync(subject, cancellationToken);

        var code = request.Code?.Trim() ?? "";
        var now = clock.GetUtcNow();
        var candidate = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await db.Set<LoginCode>().AsNoTracking()
                .Where(c => c.Phone == phone && c.Purpose == LoginCode.SignIn && c.ConsumedAt == null && c.ExpiresAt > now)
                .OrderByDescending(c => c.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var matches = candidate is not null && Secrets.Equal(candidate.CodeHash, Secrets.HashCode(phone, code));
        // Consume atomically: a code works once even under concurrent attempts.
        if (!matches || await db.Set<LoginCode>().Where(c => c.Id == candidate!.Id && c.ConsumedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), cancellationToken) == 0)
        {
            await throttle.RecordFailureAsync(subject, cancellationToken);
            throw ContractError.InvalidArgument("CODE_INVALID", "The code is wrong, expired or already used.",
                [new FieldViolation("code", "The code is wrong, expired or already used.", "CODE_INVALID")]);
        }

        await throttle.ClearAsync(subject, cancellationToken);
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
