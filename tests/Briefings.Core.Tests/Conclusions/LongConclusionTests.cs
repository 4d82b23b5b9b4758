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

    [Fact]
    public void Parse_OneSectionOfFiveHundredItems_ItemsPastNinetyNineEachItsOwn()
    {
        var body = Body(10, 50);
        var single = string.Join('\n', body.Split('\n').Where(l => !l.Contains("Nhiệm vụ trọng tâm", StringComparison.Ordinal))
            .Select((l, i) => l.Length == 0 ? l : (i + 1) + l[l.IndexOf('.', StringComparison.Ordinal)..]));

        var draft = ConclusionTextParser.Parse("I. Nhiệm vụ\n" + single);

        var section = Assert.Single(draft.Sections);
        Assert.Equal(Enumerable.Range(1, 500), section.Items.Select(i => i.Number));
        Assert.All(section.Items, i => Assert.Single(i.Assignments));
        Assert.StartsWith("Giao ", section.Items[99].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("100.", section.Items[98].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LinesOpeningWithYearsAmountsAndCounts_NoFalseItems()
    {
        const string text = """
            I. Kết quả
            1. Năm qua huyện đã giải quyết việc làm cho lao động nông thôn, tổng số hộ được hỗ trợ vay vốn
            150. hộ nghèo đã thoát nghèo bền vững trong năm.
            2017. Là năm đầu tiên thực hiện Nghị quyết, các xã đã hoàn thành rà soát.
            1.000 hộ được cấp giấy chứng nhận quyền sử dụng đất.
            15/3/2027 là hạn cuối nộp báo cáo.
            2. Giao UBND huyện chỉ đạo rà soát quy hoạch.
            250) trường hợp còn tồn đọng phải xử lý dứt điểm.
            999. Đây không phải là một mục.
            3. Giao Công an huyện bảo đảm an ninh trật tự.
            """;

        var draft = ConclusionTextParser.Parse(text);

        var items = Assert.Single(draft.Sections).Items;
        Assert.Equal([1, 2, 3], items.Select(i => i.Number));
        Assert.Contains("150. hộ nghèo", items[0].Text, StringComparison.Ordinal);
        Assert.Contains("2017. Là năm", items[0].Text, StringComparison.Ordinal);
        Assert.Contains("1.000 hộ", items[0].Text, StringComparison.Ordinal);
        Assert.Contains("15/3/2027", items[0].Text, StringComparison.Ordinal);
        Assert.Contains("250) trường hợp", items[1].Text, StringComparison.Ordinal);
        Assert.Contains("999. Đây", items[1].Text, StringComparison.Ordinal);
    }
}
