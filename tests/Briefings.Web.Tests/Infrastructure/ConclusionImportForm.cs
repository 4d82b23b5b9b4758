using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>The conclusion editor's import form (paste the text or pick a .docx) posted as a browser posts it, with the
/// token of a freshly opened "new conclusion" page.</summary>
public static class ConclusionImportForm
{
    public static async Task<HttpResponseMessage> PostAsync(AppClient client, string? text = null, string? fileName = null, byte[]? file = null,
        string contentType = "application/octet-stream")
    {
        var (_, page) = await client.GetPageAsync("/conclusions/new");
        var token = page.QuerySelector<IHtmlInputElement>("#import input[name='__RequestVerificationToken']")!.Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent("import"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(text ?? ""), "ImportText" },
        };
        if (file is not null)
        {
            var bytes = new ByteArrayContent(file);
            bytes.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            content.Add(bytes, "ImportFile", fileName ?? "ket-luan.docx");
        }

        return await client.Http.PostAsync("/conclusions/new", content);
    }
}
