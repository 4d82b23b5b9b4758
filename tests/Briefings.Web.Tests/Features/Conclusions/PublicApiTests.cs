using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>The public API for machines: errors are JSON problem details in Vietnamese, never the HTML page;
/// the feed's entries carry the document's abstract and a link to its PDF.</summary>
[Collection(AppCollection.Name)]
public sealed class PublicApiTests(AppFactory app)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [InlineData("/api/public/conclusions/{unknown}", HttpStatusCode.NotFound)]
    [InlineData("/api/public/conclusions/khong-phai-ma", HttpStatusCode.BadRequest)]
    [InlineData("/api/public/conclusions?take=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/public/conclusions?take=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/public/conclusions?take=51", HttpStatusCode.BadRequest)]
    [InlineData("/api/public/khong-co", HttpStatusCode.NotFound)]
    [InlineData("/api/public/conclusions/{unknown}/items", HttpStatusCode.NotFound)]
    public async Task PublicApi_UnknownIdOrBadQuery_ProblemJsonInVietnamese(string url, HttpStatusCode expected)
    {
        using var anonymous = app.Client();

        var response = await anonymous.Http.GetAsync(url.Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        using var json = JsonDocument.Parse(body);
        Assert.Equal((int)expected, json.RootElement.GetProperty("status").GetInt32());
        var title = json.RootElement.GetProperty("title").GetString()!;
        var detail = json.RootElement.GetProperty("detail").GetString()!;
        Assert.Matches("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]", (title + detail).ToLowerInvariant());
    }

    [Fact]
    public async Task PublicApi_UnpublishedDocument_ProblemJsonWithoutItsData()
    {
        var internalOnly = await PublishingFixture.NewAsync(app, issue: true, isPublic: false);
        using var anonymous = app.Client();

        var api = await anonymous.Http.GetAsync($"/api/public/conclusions/{internalOnly.Id}");
        var pdf = await anonymous.Http.GetAsync($"/public/conclusions/{internalOnly.Id}/document.pdf");

        foreach (var response in new[] { api, pdf })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.DoesNotContain(internalOnly.Summary, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PublicList_Take_LimitsTheNumberOfDocuments()
    {
        await PublishingFixture.NewAsync(app, issue: true, isPublic: true);
        await PublishingFixture.NewAsync(app, issue: true, isPublic: true);
        using var anonymous = app.Client();

        var response = await anonymous.Http.GetAsync("/api/public/conclusions?take=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Feed_PublishedDocument_EntryCarriesAbstractAndPdfLink()
    {
        var published = await PublishingFixture.NewAsync(app, issue: true, isPublic: true, "tóm tắt");
        using var anonymous = app.Client();

        var feed = XDocument.Parse(await anonymous.Http.GetStringAsync("/public/conclusions.atom"));
        var entry = Assert.Single(feed.Root!.Elements(Atom + "entry"), e => e.Element(Atom + "id")!.Value == $"urn:uuid:{published.Id}");
        var summary = entry.Element(Atom + "summary")!.Value;
        var pdfLink = Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("type") == "application/pdf");
        var href = pdfLink.Attribute("href")!.Value;
        var pdf = await anonymous.Http.GetAsync(new Uri(href).PathAndQuery);

        Assert.Contains(published.Summary, summary, StringComparison.Ordinal);
        Assert.Contains("đồng chí Bí thư chủ trì Hội nghị giao ban", summary, StringComparison.Ordinal);
        Assert.Equal("alternate", (string?)pdfLink.Attribute("rel"));
        Assert.EndsWith($"/public/conclusions/{published.Id}/document.pdf", href, StringComparison.Ordinal);
        // The PDF is made by LibreOffice; on a machine without it the answer is a Vietnamese problem, never a 404.
        if (pdf.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..4]);
        }
        else
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
            Assert.Equal("application/problem+json", pdf.Content.Headers.ContentType!.MediaType);
        }
    }
}
