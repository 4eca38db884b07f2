using Grpc.Core;
using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Modules.Users.Profiles;
using Marketplace.Modules.Users.Sellers;
using Marketplace.Modules.Users.Sms;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Modules.Users.Contracts;

/// <summary>
/// Sign-in, sessions and accounts. Thin: each method checks who is calling (<see cref="CallContext.Current"/>),
/// then delegates. Methods that sign someone in are open to anonymous callers by design.
/// </summary>
internal sealed class UsersAuthContractService(IServiceProvider services, UsersDbContext db, IHostEnvironment environment) : UsersAuth.UsersAuthBase
{
    private const int MaxBatch = 200;

    public override Task<RequestBuyerLoginCodeResponse> RequestBuyerLoginCode(RequestBuyerLoginCodeRequest request, ServerCallContext context) =>
        Get<BuyerLogin>().RequestCodeAsync(request, context.CancellationToken);

    public override Task<SignedIn> VerifyBuyerLoginCode(VerifyBuyerLoginCodeRequest request, ServerCallContext context) =>
        Get<BuyerLogin>().VerifyAsync(request, context.CancellationToken);

    public override Task<SignedIn> RegisterSeller(RegisterSellerRequest request, ServerCallContext context) =>
        Get<SellerAccounts>().RegisterAsync(request, context.CancellationToken);

    public override async Task<VerifySellerEmailResponse> VerifySellerEmail(VerifySellerEmailRequest request, ServerCallContext context) =>
        new() { UserId = (await Get<SellerAccounts>().VerifyEmailAsync(request.Token, context.CancellationToken)).ToString() };

    public override async Task<ResendSellerVerificationResponse> ResendSellerVerification(ResendSellerVerificationRequest request, ServerCallContext context)
    {
        await Get<SellerAccounts>().ResendVerificationAsync((await LiveUserAsync(context.CancellationToken)).UserId, request.Client, context.CancellationToken);
        return new ResendSellerVerificationResponse();
    }

    public override Task<SignedIn> LoginSeller(LoginSellerRequest request, ServerCallContext context) =>
        Get<SellerAccounts>().LoginAsync(request, context.CancellationToken);

    public override async Task<RequestPasswordResetResponse> RequestPasswordReset(RequestPasswordResetRequest request, ServerCallContext context)
    {
        await Get<SellerAccounts>().RequestPasswordResetAsync(request, context.CancellationToken);
        return new RequestPasswordResetResponse();
    }

    public override async Task<CompletePasswordResetResponse> CompletePasswordReset(CompletePasswordResetRequest request, ServerCallContext context)
    {
        await Get<SellerAccounts>().CompletePasswordResetAsync(request, context.CancellationToken);
        return new CompletePasswordResetResponse();
    }

    public override Task<SignedIn> RefreshSession(RefreshSessionRequest request, ServerCallContext context) =>
        Get<SessionService>().RefreshAsync(request.RefreshToken, request.Client, context.CancellationToken);

    public override async Task<LogoutResponse> Logout(LogoutRequest request, ServerCallContext context)
    {
        var (_, sessionId) = SignedInUser();
        if (sessionId is { } id)
            await Get<SessionService>().RevokeAsync(id, "logout", context.CancellationToken);
        return new LogoutResponse();
    }

    public override async Task<ListSessionsResponse> ListSessions(ListSessionsRequest request, ServerCallContext context)
    {
        var (userId, current) = await LiveUserAsync(context.CancellationToken);
        var sessions = await Get<SessionService>().ListLiveAsync(userId, context.CancellationToken);
        return new ListSessionsResponse
        {
            Sessions =
            {
                sessions.Select(s => new SessionInfo
                {
                    Id = s.Id.ToString(),
                    Device = s.Device,
                    Ip = s.Ip,
                    CreatedAtMs = s.CreatedAt.ToUnixTimeMilliseconds(),
                    LastUsedAtMs = s.LastUsedAt.ToUnixTimeMilliseconds(),
                    Current = s.Id == current,
                }),
            },
        };
    }

    public override async Task<RevokeSessionResponse> RevokeSession(RevokeSessionRequest request, ServerCallContext context)
    {
        var (userId, _) = await LiveUserAsync(context.CancellationToken);
        var sessions = Get<SessionService>();
        // Someone else's session answers exactly like a missing one.
        if (!Guid.TryParse(request.SessionId, out var id) || await sessions.FindLiveAsync(id, context.CancellationToken) is not { } session || session.UserId != userId)
            throw ContractError.NotFound("SESSION_NOT_FOUND", "No such session.");
        await sessions.RevokeAsync(id, "revoked", context.CancellationToken);
        return new RevokeSessionResponse();
    }

    public override async Task<ValidateSessionResponse> ValidateSession(ValidateSessionRequest request, ServerCallContext context)
    {
        var caller = CallContext.Current.Caller;
        if (!caller.IsAuthenticated)
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Validating a session needs a service or the session's user.");
        if (!Guid.TryParse(request.SessionId, out var id))
            return new ValidateSessionResponse { Live = false };
        var session = await Get<SessionService>().FindLiveAsync(id, context.CancellationToken);
        if (session is null || (caller.Kind != CallerKind.Service && !caller.IsInRole(Roles.Admin) && caller.Id != session.UserId.ToString()))
            return new ValidateSessionResponse { Live = false };
        return new ValidateSessionResponse { Live = true, UserId = session.UserId.ToString() };
    }

    public override async Task<GetUsersResponse> GetUsers(GetUsersRequest request, ServerCallContext context)
    {
        var caller = CallContext.Current.Caller;
        if (!caller.IsAuthenticated)
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Looking up users needs a signed-in caller.");
        if (request.Ids.Count > MaxBatch)
            throw ContractError.InvalidArgument("TOO_MANY_IDS", $"Ask for at most {MaxBatch} users at once.");
        var privileged = caller.Kind == CallerKind.Service || caller.IsInRole(Roles.Admin);
        var ids = request.Ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        // Users see their own record only; modules and admins may look anyone up (public facts only).
        if (!privileged)
            ids = ids.Where(i => i.ToString() == caller.Id).ToList();
        var users = await db.Set<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(context.CancellationToken);
        return new GetUsersResponse { Users = { users.Select(u => ProfileMapper.ToProfile(u, includePrivate: false)) } };
    }

    public override async Task<UserProfile> GetViewer(GetViewerRequest request, ServerCallContext context)
    {
        var (userId, _) = await LiveUserAsync(context.CancellationToken);
        var user = await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, context.CancellationToken)
            ?? throw ContractError.NotFound("USER_NOT_FOUND", "Your account no longer exists.");
        return ProfileMapper.ToProfile(user, includePrivate: true);
    }

    public override async Task<GetSellerStatusResponse> GetSellerStatus(GetSellerStatusRequest request, ServerCallContext context)
    {
        var caller = CallContext.Current.Caller;
        var privileged = caller.Kind == CallerKind.Service || caller.IsInRole(Roles.Admin);
        if (!caller.IsAuthenticated)
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Asking for a seller's status needs a signed-in caller.");
        if (!privileged && caller.Id != request.UserId)
            throw ContractError.PermissionDenied("NOT_YOURS", "Only the seller themselves may ask.");
        if (!Guid.TryParse(request.UserId, out var id))
            return new GetSellerStatusResponse();
        var seller = await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.Role == Roles.Seller, context.CancellationToken);
        return new GetSellerStatusResponse { Exists = seller is not null, EmailVerified = seller?.EmailVerifiedAt is not null };
    }

    public override async Task<FindSellerByEmailResponse> FindSellerByEmail(FindSellerByEmailRequest request, ServerCallContext context)
    {
        // Whether an email has an account is not for users to probe; only modules ask.
        if (CallContext.Current.Caller.Kind != CallerKind.Service)
            throw ContractError.PermissionDenied("SERVICES_ONLY", "Only modules look sellers up by email.");
        var email = EmailAddresses.Normalize(request.Email);
        // The verified holder of the address first; unverified claims of it may be several.
        var seller = email is null
            ? null
            : await db.Set<User>().AsNoTracking().Where(u => u.Email == email && u.Role == Roles.Seller)
                .OrderByDescending(u => u.EmailVerifiedAt != null).ThenBy(u => u.CreatedAt).FirstOrDefaultAsync(context.CancellationToken);
        return seller is null
            ? new FindSellerByEmailResponse()
            : new FindSellerByEmailResponse { Exists = true, UserId = seller.Id.ToString(), EmailVerified = seller.EmailVerifiedAt is not null };
    }

    public override async Task<UnlockSignInResponse> UnlockSignIn(UnlockSignInRequest request, ServerCallContext context)
    {
        var caller = CallContext.Current.Caller;
        if (!caller.IsAuthenticated)
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Unlocking sign-in needs an administrator.");
        if (caller.Kind != CallerKind.Service && !caller.IsInRole(Roles.Admin))
            throw ContractError.PermissionDenied("ADMIN_ONLY", "Only administrators unlock sign-in.");
        string subject;
        if (!string.IsNullOrWhiteSpace(request.Phone))
        {
            var phone = Get<PhoneNumberNormalizer>().Normalize(request.Phone)
                ?? throw ContractError.InvalidArgument("PHONE_INVALID", "Not a valid phone number.", [new FieldViolation("phone", "Not a valid phone number.", "PHONE_INVALID")]);
            subject = Secrets.SubjectKey("phone", phone);
        }
        else
        {
            var email = EmailAddresses.Normalize(request.Email)
                ?? throw ContractError.InvalidArgument("EMAIL_INVALID", "Name a phone or a valid email address.", [new FieldViolation("email", "Name a phone or a valid email address.", "EMAIL_INVALID")]);
            subject = SellerAccounts.AccountSubject(email);
        }

        return new UnlockSignInResponse { Unlocked = await Get<FailureThrottle>().UnlockAsync(subject, context.CancellationToken) };
    }

    public override Task<ListDevelopmentSmsResponse> ListDevelopmentSms(ListDevelopmentSmsRequest request, ServerCallContext context)
    {
        var inbox = services.GetService<DevelopmentSmsInbox>();
        if (!environment.IsDevelopment() || inbox is null)
            throw new RpcException(new Status(StatusCode.Unimplemented, "The development SMS inbox exists in Development only."));
        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : Get<PhoneNumberNormalizer>().Normalize(request.Phone) ?? request.Phone;
        return Task.FromResult(new ListDevelopmentSmsResponse
        {
            Messages = { inbox.List(phone).Select(m => new DevelopmentSms { To = m.To, Body = m.Body, SentAtMs = m.SentAt.ToUnixTimeMilliseconds() }) },
        });
    }

    private T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>
    /// The signed-in user whose session is still live: a revoked session's access token stops working here at once,
    /// not only when it expires.
    /// </summary>
    private async Task<(Guid UserId, Guid? SessionId)> LiveUserAsync(CancellationToken cancellationToken)
    {
        var (userId, sessionId) = SignedInUser();
        if (sessionId is not { } id || await Get<SessionService>().FindLiveAsync(id, cancellationToken) is not { } session || session.UserId != userId)
            throw ContractError.Unauthenticated("SESSION_ENDED", "This session has ended; sign in again.");
        return (userId, sessionId);
    }

    private static (Guid UserId, Guid? SessionId) SignedInUser()
    {
        var caller = CallContext.Current.Caller;
        if (caller.Kind != CallerKind.User || !Guid.TryParse(caller.Id, out var userId))
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Sign in first.");
        return (userId, Guid.TryParse(caller.SessionId, out var session) ? session : null);
    }
}
