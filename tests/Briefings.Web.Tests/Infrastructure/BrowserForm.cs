using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>What a browser posts from a server-rendered form: every enabled input (checked boxes only), every
/// text area and every select with its selected option's value — an empty select posts "" — plus the form's
/// hidden fields and antiforgery token. Tests change a few fields and post the rest exactly as rendered.</summary>
public static class BrowserForm
{
    /// <summary>The fields of the form with id <paramref name="formId"/>, or of the first form whose hidden
    /// "_handler" is <paramref name="formId"/>.</summary>
    public static Dictionary<string, string> Fields(IHtmlDocument page, string formId)
    {
        var form = page.GetElementById(formId) as IHtmlFormElement
                   ?? page.Forms.FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{formId}']") is not null)
                   ?? throw new InvalidOperationException($"No form {formId} on the page.");
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input"))
        {
            if (input.Name is { Length: > 0 } name && !input.IsDisabled && input.Type is not ("submit" or "file")
                && (input.Type is not ("checkbox" or "radio") || input.IsChecked))
            {
                fields[name] = input.Value;
            }
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea"))
        {
            if (area.Name is { Length: > 0 } name && !area.IsDisabled)
            {
                fields[name] = area.Value;
            }
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select"))
        {
            if (select.Name is { Length: > 0 } name && !select.IsDisabled)
            {
                // A browser posts the selected option, or the first one when none is marked selected.
                fields[name] = select.Value ?? select.Options.FirstOrDefault()?.Value ?? "";
            }
        }

        return fields;
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="url"/> as multipart/form-data, as a browser posts a
    /// form with enctype="multipart/form-data" (each file input with no file chosen sends an empty part).</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(AppClient client, string url, Dictionary<string, string> fields, params string[] emptyFileInputs)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var name in emptyFileInputs)
        {
            var none = new ByteArrayContent([]);
            none.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            none.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"", FileName = "\"\"" };
            content.Add(none);
        }

        return await client.Http.PostAsync(url, content);
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="url"/> as application/x-www-form-urlencoded.</summary>
    public static async Task<HttpResponseMessage> PostAsync(AppClient client, string url, Dictionary<string, string> fields) =>
        await client.Http.PostAsync(url, new FormUrlEncodedContent(fields));
}
