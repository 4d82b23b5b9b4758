using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Components.Shared;

/// <summary>
/// Forgets the one-time form tokens (<see cref="FormOnce"/>) older than <see cref="FormOnce.Kept"/>, as a job of the
/// shared loop once an hour. It used to run a DELETE after every successful create, in the request of whoever posted;
/// once an hour keeps the table as small (a token is only read when its form is posted again, by key) and leaves the
/// create's request its own work. Safe on several instances at once: each deletes what is old, the second finds nothing.
/// </summary>
public sealed class FormTokenCleanup(IServiceScopeFactory scopes, TimeProvider clock) : IBackgroundJob
{
    public string Name => "form-tokens";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunPassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var before = clock.GetUtcNow() - FormOnce.Kept;
        await db.FormSubmissions.Where(s => s.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}
