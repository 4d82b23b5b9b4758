using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>An HTTP client that speaks the app's server-rendered forms (antiforgery token, form name).</summary>
public sealed class AppClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public async Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        await SubmitAsync("/Account/Login", "login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    public async Task<(HttpStatusCode Status, IHtmlDocument Document)> GetPageAsync(string url)
    {
        var response = await http.GetAsync(url);
        return (response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Loads <paramref name="url"/>, takes the form named <paramref name="formName"/> with its hidden
    /// fields and antiforgery token, overrides <paramref name="fields"/> and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, string formName, Dictionary<string, string> fields, string? tokenSourceUrl = null)
    {
        var (_, document) = await GetPageAsync(tokenSourceUrl ?? url);
        var form = document.Forms.FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
                   ?? document.Forms.FirstOrDefault(f => f.QuerySelector("input[name='__RequestVerificationToken']") is not null)
                   ?? throw new InvalidOperationException($"No form with a token on {tokenSourceUrl ?? url}");
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input"))
        {
            if (input.Name is { Length: > 0 } name && input.Type is not ("submit" or "file" or "checkbox"))
            {
                values[name] = input.Value;
            }
        }

        values["_handler"] = formName;
        foreach (var (k, v) in fields)
        {
            values[k] = v;
        }

        return await http.PostAsync(url, new FormUrlEncodedContent(values));
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public void Dispose() => http.Dispose();
}
