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
