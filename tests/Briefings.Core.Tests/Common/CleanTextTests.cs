using System.Text;
using System.Xml;
using Briefings.Core.Common;

namespace Briefings.Core.Tests.Common;

public sealed class CleanTextTests
{
    /// <summary>Hostile strings as they arrive from Word, other systems and forged requests.</summary>
    public static TheoryData<string, string> Hostile => new()
    {
        { "Dòng một\vdòng hai", "Dòng một\ndòng hai" },
        { "Trang một\fTrang hai", "Trang một\nTrang hai" },
        { "a\r\nb\rc", "a\nb\nc" },
        { "chuông\u0007 và null\u0000", "chuông và null" },
        { "C1\u0085\u009Fhết", "C1hết" },
        { "không\u200Bthấy\uFEFF\u2060", "khôngthấy" },
        { "đảo\u202Engược\u2066\u2069", "đảongược" },
        { "cuối\uFFFE\uFFFF", "cuối" },
        { "Nguye\u0302\u0303n", "Nguyễn" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Clean_HostileText_CleanedAsExpected(string input, string expected) =>
        Assert.Equal(expected, CleanText.Clean(input));

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Clean_HostileText_WritableAsXml(string input, string _)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { CheckCharacters = true }))
        {
            writer.WriteElementString("t", CleanText.Clean(input));
        }

        Assert.Contains("<t>", builder.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_CleanText_SameInstance()
    {
        var text = "Kết luận số 07-KL/HU\n\tmục 1 👍 e\u200Dmoji";
        Assert.Same(text, CleanText.Clean(text));
        Assert.True(CleanText.IsClean(text));
    }

    // Not theory data: xUnit serializes theory arguments and turns a lone surrogate into U+FFFD on the way.
    [Fact]
    public void Clean_LoneSurrogates_Removed() => Assert.Equal("nửacặp", CleanText.Clean("nửa\uD800cặp\uDC00"));

    [Fact]
    public void Clean_PairedSurrogates_Kept() => Assert.Equal("😀", CleanText.Clean("😀\u0001"));

    [Fact]
    public void CleanOrNull_Null_Null() => Assert.Null(CleanText.CleanOrNull(null));
}
