using System.Security.Claims;
using Briefings.Core.Common;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Infrastructure.Demo;

/// <summary>
/// Plays one step of the demo history as a demo account would: at a given moment (<see cref="DemoClock"/>), signed in as
/// that account (an <see cref="HttpContext"/> carrying its identity, so the audit log names it), in a fresh scope
/// (a new DbContext, as a new request has), through the feature's own use case. A refused step stops the seed with the
/// use case's own message: the history is only what the rules allow.
/// </summary>
public sealed class DemoStage(IServiceProvider services, IHttpContextAccessor http)
{
    private readonly Dictionary<string, string> accountIds = [];

    /// <summary>Runs <paramref name="work"/> at <paramref name="moment"/> as <paramref name="userName"/>; with
    /// <paramref name="inTransaction"/> inside one transaction the step commits at its end (many rows saved one by one
    /// commit once, and mail waits in the outbox for the mail job instead of being written during start-up). Not for
    /// use cases that open their own transaction (issuing a conclusion).</summary>
    public async Task<T> ActAsync<T>(DateTimeOffset moment, string userName, Func<IServiceProvider, UserContext, Task<T>> work, bool inTransaction = false)
    {
        using var travel = DemoClock.At(moment);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        if (!accountIds.TryGetValue(userName, out var id))
        {
            id = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            accountIds[userName] = id;
        }

        var user = await CurrentUser.LoadAsync(db, id) ?? throw new InvalidOperationException($"Demo account {userName} is missing.");
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, userName)], "Demo");
        http.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = scope.ServiceProvider };
        try
        {
            if (!inTransaction)
            {
                return await work(scope.ServiceProvider, user);
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            var result = await work(scope.ServiceProvider, user);
            await transaction.CommitAsync();
            return result;
        }
        finally
        {
            http.HttpContext = null;
        }
    }

    /// <summary>A step's value, or an exception naming the step and the use case's messages.</summary>
    public static T Ok<T>(Result<T> result, string step) =>
        result.Succeeded ? result.Value! : throw Refused(step, result.Errors);

    public static void Ok(Error? error, string step)
    {
        if (error is not null)
        {
            throw Refused(step, [error]);
        }
    }

    public static void Ok(IReadOnlyList<Error> errors, string step)
    {
        if (errors.Count > 0)
        {
            throw Refused(step, errors);
        }
    }

    private static InvalidOperationException Refused(string step, IEnumerable<Error> errors) =>
        new($"Demo history, step \"{step}\" was refused: {string.Join(" ", errors.Select(e => e.Message))}");
}
