using Briefings.Core.Conclusions;

namespace Briefings.Core.Tests.Conclusions;

/// <summary>A long conclusion (10 sections of 50 numbered items) is read whole, item by item: the structural
/// counterpart of the figures in docs/benchmarks.md (no timing here).</summary>
public sealed class LongConclusionTests
{
    private static readonly string[] Units =
    [
        "Ban Tuyên giáo Huyện ủy", "Ban Tổ chức Huyện ủy", "UBND huyện", "Phòng Tài chính - Kế hoạch", "Phòng Nội vụ",
        "Phòng Giáo dục và Đào tạo", "Công an huyện", "Ủy ban MTTQ huyện", "Huyện đoàn", "Hội Nông dân huyện",
    ];

    private static readonly string[] Numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

    internal static string Body(int sections, int itemsPerSection)
    {
        var sb = new System.Text.StringBuilder();
        for (var s = 0; s < sections; s++)
        {
            sb.Append(Numerals[s]).Append(". Nhiệm vụ trọng tâm nhóm ").Append(s + 1).Append('\n');
            for (var i = 1; i <= itemsPerSection; i++)
            {
                sb.Append(i).Append(". Giao ").Append(Units[(s + i) % Units.Length])
                    .Append(" chủ trì thực hiện rà soát, tổng hợp kết quả công tác số ").Append(i)
                    .Append(" của năm; thời hạn trước 30/6/2027.\n");
            }
        }

        return sb.ToString();
    }

    [Fact]
    public void Parse_FiveHundredItems_AllItemsEachWithItsAssignment()
    {
        var draft = ConclusionTextParser.Parse(Body(10, 50));

        Assert.Equal(10, draft.Sections.Count);
        Assert.All(draft.Sections, s => Assert.Equal(Enumerable.Range(1, 50), s.Items.Select(i => i.Number)));
        Assert.All(draft.Sections.SelectMany(s => s.Items), i => Assert.Single(i.Assignments));
    }

    [Fact]
    public void Read_FiveHundredItems_FiveHundredDirectivesWithTheirDeadline()
    {
        var reading = ConclusionReader.Read(Body(10, 50));

        Assert.Equal(500, reading.Directives.Count);
        Assert.All(reading.Directives, d => Assert.Equal(new DateOnly(2027, 6, 30), d.Deadline?.DueDate));
        Assert.Equal(Enumerable.Range(1, 10).SelectMany(s => Enumerable.Range(1, 50).Select(i => (s, i))),
            reading.Directives.Select(d => (d.SectionNumber ?? 0, d.ItemNumber ?? 0)));
    }
}
