using Briefings.Core.Conclusions;
using Briefings.Web.Features.Conclusions;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>The editor's import proposal from a reading: what a row holds when the text's deadline has no day.</summary>
public sealed class PrepareConclusionFormTests
{
    private static readonly ConclusionEditor.UnitOption RedCross =
        new(Guid.CreateVersion7(), "CTD-XA-THU", "Hội Chữ thập đỏ xã Thử Nghiệm", "Hội Chữ thập đỏ xã", false);

    [Fact]
    public void Propose_DeadlineWithoutDay_FieldEmptyAndWordsInTheNote()
    {
        var reading = ConclusionReader.Read("Giao Hội Chữ thập đỏ xã tặng quà cho các hộ nghèo, hoàn thành trước Tết Nguyên đán Mậu Thân 2028.");

        var row = Assert.Single(PrepareConclusionForm.Propose(reading, PrepareConclusionForm.MatcherFor([RedCross])));

        Assert.Equal(RedCross.Name, row.Lead);
        Assert.Null(row.Deadline);
        Assert.Contains("“trước Tết Nguyên đán Mậu Thân 2028” chưa có ngày cụ thể", row.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_DeadlineWithDay_FieldFilledNoNote()
    {
        var reading = ConclusionReader.Read("Giao Hội Chữ thập đỏ xã tặng quà cho các hộ nghèo, hoàn thành trước ngày 20/01/2028.");

        var row = Assert.Single(PrepareConclusionForm.Propose(reading, PrepareConclusionForm.MatcherFor([RedCross])));

        Assert.Equal("trước 20/1/2028", row.Deadline);
        Assert.Null(row.Note);
    }
}

/// <summary>A new installation (no demo, only the first administrator): the first step of bringing in history says
/// what the directory still lacks instead of "you do not write for this body".</summary>
public sealed class NewInstallationConclusionTests
{
    [Fact]
    public async Task NewConclusion_NoIssuingBodyInTheDirectory_SaysToSetTheDocumentSymbol()
    {
        using var app = new Briefings.Web.Tests.Infrastructure.ConfiguredAppFactory(new Dictionary<string, string?>
        {
            ["Demo:Load"] = "false",
            ["Admin:UserName"] = "quantri",
            ["Admin:Password"] = "Cau-hinh-rieng-2026",
        });
        using var admin = await app.LoginAsync("quantri", "Cau-hinh-rieng-2026");

        var response = await admin.Http.GetAsync("/conclusions/new");
        var page = Briefings.Web.Tests.Infrastructure.AppClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("Chưa có cơ quan ban hành văn bản nào", text, StringComparison.Ordinal);
        Assert.Contains("Ký hiệu văn bản", text, StringComparison.Ordinal);
    }
}
