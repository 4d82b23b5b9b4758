using Briefings.Data;
using Briefings.Web.Components.Shared;
using Briefings.Web.Infrastructure;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Components.Shared;

/// <summary>Old one-time form tokens are forgotten by a job of the shared background loop, not by the create that
/// happens to be posted (<see cref="FormTokenCleanup"/>).</summary>
[Collection(AppCollection.Name)]
public sealed class FormTokenCleanupTests(AppFactory app)
{
    [Fact]
    public async Task Job_OldTokensRemoved_RecentOnesKept_RunsOnTheSharedLoop()
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var old = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var recent = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await app.WithDbAsync(async db =>
        {
            db.FormSubmissions.Add(new FormSubmission { Token = old[0], UserId = "u", CreatedAt = now - FormOnce.Kept - TimeSpan.FromMinutes(1), Target = "meetings" });
            db.FormSubmissions.Add(new FormSubmission { Token = old[1], UserId = "u", CreatedAt = now - TimeSpan.FromDays(30) });
            db.FormSubmissions.Add(new FormSubmission { Token = recent[0], UserId = "u", CreatedAt = now - FormOnce.Kept + TimeSpan.FromMinutes(5), Target = "meetings" });
            db.FormSubmissions.Add(new FormSubmission { Token = recent[1], UserId = "u", CreatedAt = now });
            return await db.SaveChangesAsync();
        });

        await app.Services.GetRequiredService<FormTokenCleanup>().RunPassAsync(CancellationToken.None);

        var left = await app.WithDbAsync(db => db.FormSubmissions.AsNoTracking()
            .Where(s => old.Contains(s.Token) || recent.Contains(s.Token)).Select(s => s.Token).ToListAsync());
        Assert.Equal(recent.Order(), left.Order());
        // The job is one of the shared loop's (timed, logged, backed off), not something a request runs.
        Assert.NotNull(app.Services.GetRequiredService<BackgroundJobs>().StatusOf("form-tokens"));
    }
}
