using Grpc.Core;
using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Auth.UnlockSignIn;
using Marketplace.Modules.Users.Buyers.RequestBuyerLoginCode;
using Marketplace.Modules.Users.Buyers.VerifyBuyerLoginCode;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Profiles.GetUsers;
using Marketplace.Modules.Users.Profiles.GetViewer;
using Marketplace.Modules.Users.Sellers.CompletePasswordReset;
using Marketplace.Modules.Users.Buyers.FindBuyerByPhone;
using Marketplace.Modules.Users.Sellers.FindSellerByEmail;
using Marketplace.Modules.Users.Sellers.GetSellerStatus;
using Marketplace.Modules.Users.Sellers.LoginSeller;
using Marketplace.Modules.Users.Sellers.RegisterSeller;
using Marketplace.Modules.Users.Sellers.RequestPasswordReset;
using Marketplace.Modules.Users.Sellers.ResendSellerVerification;
using Marketplace.Modules.Users.Sellers.VerifySellerEmail;
using Marketplace.Modules.Users.Sessions.ListSessions;
using Marketplace.Modules.Users.Sessions.Logout;
using Marketplace.Modules.Users.Sessions.RefreshSession;
using Marketplace.Modules.Users.Sessions.RevokeSession;
using Marketplace.Modules.Users.Sessions.ValidateSession;
using Marketplace.Modules.Users.Sms.ListDevelopmentSms;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Users.GrpcServices;

/// <summary>
/// The <c>UsersAuth</c> contract: sign-in, sessions and accounts. Each method checks who is calling, sends one use case
/// and maps its result. Methods that sign someone in are open to anonymous callers by design. Sign-in use cases answer an
/// <see cref="Outcome{T}"/>: the refusal is thrown here, after the use case's transaction committed what the attempt
/// recorded (its try, the failure counts, a revoked session family).
/// </summary>
internal sealed class UsersAuthGrpcService(ISender mediator) : UsersAuth.UsersAuthBase
{
    public override async Task<RequestBuyerLoginCodeResponse> RequestBuyerLoginCode(RequestBuyerLoginCodeRequest request, ServerCallContext context)
    {
        // Anyone: asking for a code is how a buyer starts.
        var lifetime = await mediator.Send(RequestBuyerLoginCodeCommand.From(request), context.CancellationToken);
        return new RequestBuyerLoginCodeResponse { ExpiresInSeconds = (int)lifetime.TotalSeconds };
    }

    public override async Task<SignedIn> VerifyBuyerLoginCode(VerifyBuyerLoginCodeRequest request, ServerCallContext context) =>
        (await mediator.Send(VerifyBuyerLoginCodeCommand.From(request), context.CancellationToken)).OrThrow().ToContract();

    public override async Task<SignedIn> RegisterSeller(RegisterSellerRequest request, ServerCallContext context) =>
        (await mediator.Send(RegisterSellerCommand.From(request), context.CancellationToken)).ToContract();

    public override async Task<VerifySellerEmailResponse> VerifySellerEmail(VerifySellerEmailRequest request, ServerCallContext context) =>
        new() { UserId = (await mediator.Send(new VerifySellerEmailCommand(request.Token), context.CancellationToken)).ToString() };

    public override async Task<ResendSellerVerificationResponse> ResendSellerVerification(ResendSellerVerificationRequest request, ServerCallContext context)
    {
        var seller = Callers.Seller();
        await mediator.Send(new ResendSellerVerificationCommand(seller, ClientFacts.From(request.Client)), context.CancellationToken);
        return new ResendSellerVerificationResponse();
    }

    public override async Task<SignedIn> LoginSeller(LoginSellerRequest request, ServerCallContext context) =>
        (await mediator.Send(LoginSellerCommand.From(request), context.CancellationToken)).OrThrow().ToContract();

    public override async Task<RequestPasswordResetResponse> RequestPasswordReset(RequestPasswordResetRequest request, ServerCallContext context)
    {
        await mediator.Send(RequestPasswordResetCommand.From(request), context.CancellationToken);
        return new RequestPasswordResetResponse();
    }

    public override async Task<CompletePasswordResetResponse> CompletePasswordReset(CompletePasswordResetRequest request, ServerCallContext context)
    {
        await mediator.Send(new CompletePasswordResetCommand(request.Token, request.NewPassword), context.CancellationToken);
        return new CompletePasswordResetResponse();
    }

    public override async Task<SignedIn> RefreshSession(RefreshSessionRequest request, ServerCallContext context) =>
        (await mediator.Send(RefreshSessionCommand.From(request), context.CancellationToken)).OrThrow().ToContract();

    public override async Task<LogoutResponse> Logout(LogoutRequest request, ServerCallContext context)
    {
        var user = Callers.User();
        await mediator.Send(new LogoutCommand(user.UserId, user.SessionId), context.CancellationToken);
        return new LogoutResponse();
    }

    public override async Task<ListSessionsResponse> ListSessions(ListSessionsRequest request, ServerCallContext context)
    {
        var user = Callers.User();
        var sessions = await mediator.Send(new ListSessionsQuery(user), context.CancellationToken);
        return new ListSessionsResponse { Sessions = { sessions.Select(s => s.ToContract(current: user.SessionId)) } };
    }

    public override async Task<RevokeSessionResponse> RevokeSession(RevokeSessionRequest request, ServerCallContext context)
    {
        var user = Callers.User();
        await mediator.Send(new RevokeSessionCommand(user, Guid.TryParse(request.SessionId, out var id) ? id : null), context.CancellationToken);
        return new RevokeSessionResponse();
    }

    public override async Task<ValidateSessionResponse> ValidateSession(ValidateSessionRequest request, ServerCallContext context)
    {
        CallerRequirements.SignedIn();
        var viewer = CallerRequirements.Viewer();
        var session = await mediator.Send(new ValidateSessionQuery(Guid.TryParse(request.SessionId, out var id) ? id : null, viewer), context.CancellationToken);
        return session is null ? new ValidateSessionResponse { Live = false } : new ValidateSessionResponse { Live = true, UserId = session.UserId.ToString() };
    }

    public override async Task<GetUsersResponse> GetUsers(GetUsersRequest request, ServerCallContext context)
    {
        CallerRequirements.SignedIn();
        var users = await mediator.Send(new GetUsersQuery(request.Ids, CallerRequirements.Viewer()), context.CancellationToken);
        return new GetUsersResponse { Users = { users.Select(u => u.ToContract(includePrivate: false)) } };
    }

    public override async Task<UserProfile> GetViewer(GetViewerRequest request, ServerCallContext context)
    {
        var user = Callers.User();
        return (await mediator.Send(new GetViewerQuery(user), context.CancellationToken)).ToContract(includePrivate: true);
    }

    public override async Task<GetSellerStatusResponse> GetSellerStatus(GetSellerStatusRequest request, ServerCallContext context)
    {
        Guid? sellerId = Guid.TryParse(request.UserId, out var id) ? id : null;
        if (sellerId is { } owner)
            CallerRequirements.OwnerOrPrivileged(owner);
        else
            CallerRequirements.AdminOrService();
        var status = await mediator.Send(new GetSellerStatusQuery(sellerId), context.CancellationToken);
        return new GetSellerStatusResponse { Exists = status.Exists, EmailVerified = status.EmailVerified };
    }

    public override async Task<FindSellerByEmailResponse> FindSellerByEmail(FindSellerByEmailRequest request, ServerCallContext context)
    {
        // Whether an email has an account is not for users to probe; only modules ask.
        CallerRequirements.Service();
        var seller = await mediator.Send(FindSellerByEmailQuery.From(request), context.CancellationToken);
        return seller is null
            ? new FindSellerByEmailResponse()
            : new FindSellerByEmailResponse { Exists = true, UserId = seller.Id.ToString(), EmailVerified = seller.EmailVerifiedAt is not null };
    }

    public override async Task<FindBuyerByPhoneResponse> FindBuyerByPhone(FindBuyerByPhoneRequest request, ServerCallContext context)
    {
        // Whether a phone has an account is not for users to probe; only modules ask.
        CallerRequirements.Service();
        var buyer = await mediator.Send(new FindBuyerByPhoneQuery(request.Phone), context.CancellationToken);
        return buyer is null ? new FindBuyerByPhoneResponse() : new FindBuyerByPhoneResponse { Exists = true, UserId = buyer.Id.ToString() };
    }

    public override async Task<UnlockSignInResponse> UnlockSignIn(UnlockSignInRequest request, ServerCallContext context)
    {
        CallerRequirements.AdminOrService();
        return new UnlockSignInResponse { Unlocked = await mediator.Send(UnlockSignInCommand.From(request), context.CancellationToken) };
    }

    public override async Task<ListDevelopmentSmsResponse> ListDevelopmentSms(ListDevelopmentSmsRequest request, ServerCallContext context)
    {
        // Anyone: the inbox exists in Development only (the use case refuses elsewhere), where its codes are not secrets.
        var messages = await mediator.Send(new ListDevelopmentSmsQuery(request.Phone.Trim()), context.CancellationToken);
        return new ListDevelopmentSmsResponse { Messages = { messages.Select(m => m.ToContract()) } };
    }
}
