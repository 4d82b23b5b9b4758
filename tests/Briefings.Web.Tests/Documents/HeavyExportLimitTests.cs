using System.Net;
using Briefings.Web.Documents;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Documents;

/// <summary>One clerk's export loop must not take the instance from the other communes: two exports at a time per
/// account, a small cap per instance, and the slot given back however the export ends. The app here has an empty
/// template folder, so every Word export fails the way a broken template or converter would.</summary>
public sealed class HeavyExportLimitTests : IClassFixture<HeavyExportLimitTests.App>
{
    private const string Xlsx = "/followup/export.xlsx";
    private const string Docx = "/followup/export.docx";
    private readonly App app;

    public HeavyExportLimitTests(App app) => this.app = app;

    public sealed class App() : AppFactory(new Dictionary<string, string?>
    {
        ["Exports:PerAccount"] = "2",
        ["Exports:Global"] = "3",
        ["Exports:GlobalWait"] = "00:01:00",
        ["Conclusions:TemplateFolder"] = Directory.CreateTempSubdirectory("briefings-no-templates-").FullName,
    });

    [Fact]
    public async Task Export_ThirdAtOnceOfOneAccount_429InVietnameseWhileAnotherCommunesExportSucceeds()
    {
        var slots = app.Services.GetRequiredService<ExportSlots>();
        var anLac = await AccountAsync("xa.anlac");
        using var anLacClient = await app.LoginAsync("xa.anlac");
        using var binhDongClient = await app.LoginAsync("xa.binhdong");

        // Two exports of An Lạc are running (held here as a running export holds them).
        var first = (await slots.EnterAsync(anLac, CancellationToken.None)).Lease!;
        var second = (await slots.EnterAsync(anLac, CancellationToken.None)).Lease!;
        try
        {
            var third = await anLacClient.Http.GetAsync(Xlsx);
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(slots.RetryAfterSeconds), third.Headers.RetryAfter?.Delta);
            Assert.StartsWith("text/html", third.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
            var page = AppClient.Parse(await third.Content.ReadAsStringAsync());
            Assert.Contains("Vui lòng đợi bản đang tạo tải xong", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

            var other = await binhDongClient.Http.GetAsync(Xlsx);
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", other.Content.Headers.ContentType?.MediaType);
            Assert.Equal(0, slots.InUse(await AccountAsync("xa.binhdong")));

            first.Dispose();
            var afterOneEnded = await anLacClient.Http.GetAsync(Xlsx);
            Assert.Equal(HttpStatusCode.OK, afterOneEnded.StatusCode);
            Assert.Equal(1, slots.InUse(anLac));
        }
        finally
        {
            first.Dispose();
            second.Dispose();
        }

        Assert.Equal(0, slots.InUse(anLac));
    }

    [Fact]
    public async Task Export_ThatFails_GivesItsSlotBack()
    {
        var slots = app.Services.GetRequiredService<ExportSlots>();
        var anLac = await AccountAsync("xa.anlac");
        using var client = await app.LoginAsync("xa.anlac");

        // Three failed Word exports in a row: were a slot kept by a failure, the third would be refused with 429.
        for (var i = 0; i < 3; i++)
        {
            var status = await StatusOrFailureAsync(client, Docx);
            Assert.NotEqual(HttpStatusCode.OK, status);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, status);
            Assert.Equal(0, slots.InUse(anLac));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(Xlsx)).StatusCode);
        Assert.Equal(0, slots.Running);
    }

    [Fact]
    public async Task Export_ClientGoneWhileWaitingForTheInstance_GivesItsSlotBack()
    {
        var slots = app.Services.GetRequiredService<ExportSlots>();
        var anLac = await AccountAsync("xa.anlac");
        using var client = await app.LoginAsync("xa.anlac");

        // The instance is full with other accounts' exports: An Lạc's export waits for a slot.
        var others = new List<IDisposable>();
        for (var i = 0; i < slots.Capacity; i++)
        {
            others.Add((await slots.EnterAsync($"user:other-{i}", CancellationToken.None)).Lease!);
        }

        try
        {
            using var gone = new CancellationTokenSource();
            var request = client.Http.GetAsync(Xlsx, gone.Token);
            await UntilAsync(() => slots.InUse(anLac) == 1);

            await gone.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

            await UntilAsync(() => slots.InUse(anLac) == 0);
        }
        finally
        {
            others.ForEach(o => o.Dispose());
        }

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(Xlsx)).StatusCode);
        Assert.Equal(0, slots.Running);
    }

    private async Task<string> AccountAsync(string userName) =>
        "user:" + await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>The status of a response, or 500 when the test host hands the app's exception to the client.</summary>
    private static async Task<HttpStatusCode> StatusOrFailureAsync(AppClient client, string url)
    {
        try
        {
            return (await client.Http.GetAsync(url)).StatusCode;
        }
        catch (InvalidOperationException)
        {
            return HttpStatusCode.InternalServerError;
        }
    }

    /// <summary>Waits for a state another request reaches (not a timing assertion: the limit only ends a hung test).</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the state was not reached");
            await Task.Delay(20);
        }
    }
}
