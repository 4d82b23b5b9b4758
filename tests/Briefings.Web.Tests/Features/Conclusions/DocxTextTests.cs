using Briefings.Web.Features.Conclusions;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>The Word reader of the conclusion import against hostile files: every one refused with a Vietnamese
/// message, none taking the process down.</summary>
public sealed class DocxTextTests
{
    [Fact]
    public void Read_ThirtyThousandNestedContentControls_RefusedNotStackOverflow()
    {
        var file = HostileFiles.NestedContentControlsDocx(30_000);

        var result = DocxText.Read(new MemoryStream(file));

        Assert.False(result.Succeeded);
        Assert.Contains("lồng nhau quá sâu", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ModestNesting_TextRead()
    {
        var result = DocxText.Read(new MemoryStream(HostileFiles.NestedContentControlsDocx(20)));

        Assert.True(result.Succeeded);
        Assert.Equal("Nội dung", result.Value);
    }

    [Fact]
    public void Read_ZipBomb_RefusedWithMessage()
    {
        var result = DocxText.Read(new MemoryStream(HostileFiles.ZipBombDocx(300)));

        Assert.False(result.Succeeded);
        Assert.Contains("bom nén", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TooManyEntries_RefusedWithMessage()
    {
        var result = DocxText.Read(new MemoryStream(HostileFiles.ManyEntries(5_000)));

        Assert.False(result.Succeeded);
        Assert.Contains("quá nhiều thành phần", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ControlCharactersAndDecomposedText_CleanText()
    {
        var file = HostileFiles.Docx("""<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Nguye&#x302;&#x303;n</w:t><w:tab/><w:t>A&#x200B;B</w:t></w:r></w:p><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>hai</w:t><w:br/><w:t>ba</w:t></w:r></w:p></w:body></w:document>""");

        var result = DocxText.Read(new MemoryStream(file));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        Assert.Equal("Nguyễn AB\nhai\nba", result.Value);
    }
}
