using Microsoft.AspNetCore.Http;

namespace Marketplace.Gateway.WebSockets;

internal sealed class GraphQLWebSocketEndpoint
{
    public Task HandleAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }
}
