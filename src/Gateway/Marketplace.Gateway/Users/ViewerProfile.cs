using GraphQL;
using Marketplace.Gateway.Execution;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary>The viewer's own profile, loaded at most once per request however many of its fields are asked for.</summary>
internal static class ViewerProfile
{
    public static async Task<UserProfile> LoadAsync(IResolveFieldContext<ViewerSource> context)
    {
        if (context.Source.Profile is { } profile)
            return profile;
        var key = "Users.Viewer:" + context.Source.Caller.Id;
        Task<UserProfile> task;
        lock (context.UserContext)
        {
            if (context.UserContext.TryGetValue(key, out var cached) && cached is Task<UserProfile> pending)
            {
                task = pending;
            }
            else
            {
                task = Load();
                context.UserContext[key] = task;
            }
        }

        return await task;

        // As the viewer, not the request's caller: after a sign-in mutation the request itself is anonymous.
        async Task<UserProfile> Load()
        {
            using var scope = CallContext.Push(context.GetCallContext() with { Caller = context.Source.Caller });
            return await UsersArea.Auth(context).GetViewerAsync(new GetViewerRequest(), cancellationToken: context.CancellationToken);
        }
    }
}
