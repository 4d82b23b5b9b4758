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

    /// <summary>
    /// A successful post answers 303 See Other to the page to show (Post/Redirect/Get): checks that, then GETs the
    /// Location as a browser does (the one-time notice cookie included) and returns where it went and the page.
    /// A post that did not redirect fails with the page's error messages.
    /// </summary>
    public async Task<(string Location, IHtmlDocument Page)> FollowAsync(HttpResponseMessage posted)
    {
        if (posted.StatusCode != HttpStatusCode.SeeOther || posted.Headers.Location is not { } location)
        {
            var body = Parse(await posted.Content.ReadAsStringAsync());
            var errors = string.Join(" | ", body.QuerySelectorAll(".alert-error, .validation-message").Select(e => e.TextContent.Trim()));
            throw new Xunit.Sdk.XunitException($"Expected 303 See Other after a successful post, got {(int)posted.StatusCode} {posted.Headers.Location}: {errors}");
        }

        var target = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        var (status, page) = await GetPageAsync(target);
        if (status != HttpStatusCode.OK)
        {
            throw new Xunit.Sdk.XunitException($"GET {target} after the redirect answered {(int)status}.");
        }

        return (target, page);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public void Dispose() => http.Dispose();
}
