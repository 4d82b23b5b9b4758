using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Tests.Features.FollowUp;
using Briefings.Web.Tests.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Documents;

/// <summary>Every generated workbook and the follow-up report, downloaded as a user does, pass the Open XML SDK's
/// validator with no error; the report is a party paper in the layout.</summary>
public sealed class ExportValidationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/directory/export.xlsx", "vanphong")]
    [InlineData("/audit/export.xlsx", "admin")]
    [InlineData("/followup/export.xlsx", "vanphong")]
    public async Task Xlsx_Downloaded_NoSchemaError(string url, string account)
    {
        await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec("X-01-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))));
        using var client = await app.LoginAsync(account);

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PaperLayout.AssertValid(await response.Content.ReadAsByteArrayAsync(), "export.xlsx");
    }

    [Fact]
    public async Task FollowUpDocx_Office_PartyReportSignedTlByTheOfficeWithSectionItems()
    {
        var issued = await FollowUpFixture.IssueAsync(app,
            new FollowUpFixture.Spec("X-01-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))), new FollowUpFixture.Spec("X-02-UB", Deadline.By(FollowUpFixture.Today.AddDays(-5))));
        using var clerk = await app.LoginAsync("vanphong");

        var response = await clerk.Http.GetAsync($"/followup/export.docx?conclusion={issued.ConclusionId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var docx = await response.Content.ReadAsByteArrayAsync();
        PaperLayout.AssertValid(docx, "bao-cao.docx");
        PaperLayout.AssertLayout(docx, new PaperExpectation("BÁO CÁO", "Số      -BC/VPHU", [["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Huỳnh Ngọc Lan"]]));
        var text = MinutesPaperTests.PaperText(docx);
        Assert.Contains("HUYỆN ỦY TÂN PHONG\nVĂN PHÒNG HUYỆN ỦY", text, StringComparison.Ordinal);
        Assert.Contains("\nI.1\n", text, StringComparison.Ordinal);
        Assert.Contains("\nI.2\n", text, StringComparison.Ordinal);
        Assert.Contains(issued.Task(2).ItemText, text, StringComparison.Ordinal);
        var printed = await PaperArtifacts.RenderAsync(app.Services, "bao-cao", docx);
        Assert.Contains("BÁO CÁO", printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 4, "II.4")]
    [InlineData(3, 4, "III.4")]
    [InlineData(0, 4, "4")]
    public void Item_SectionAndNumber_WrittenAsTheConclusionNumbersIt(int section, int item, string expected)
    {
        var row = new BrowseTasks.Row(Guid.Empty, Guid.Empty, "07-KL/HU", item, "", "", true, "", null, null, 0, TaskState.Open, false, FollowUpStatus.OpenOnTime, section);

        Assert.Equal(expected, row.Item);
    }
}
