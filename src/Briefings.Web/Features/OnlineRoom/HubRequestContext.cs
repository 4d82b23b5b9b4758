using Microsoft.AspNetCore.SignalR;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>Hub methods run outside the request pipeline, so <see cref="IHttpContextAccessor"/> is empty there
/// and the audit log would name "the system" as the actor. This filter hands each invocation the connection's
/// HTTP context (its signed-in user) for the duration of the call.</summary>
public sealed class HubRequestContext(IHttpContextAccessor accessor) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        accessor.HttpContext ??= invocationContext.Context.GetHttpContext();
        return next(invocationContext);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        accessor.HttpContext ??= context.Context.GetHttpContext();
        return next(context, exception);
    }
}
