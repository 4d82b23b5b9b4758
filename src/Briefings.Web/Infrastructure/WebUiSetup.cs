using Microsoft.AspNetCore.Diagnostics;
using Briefings.Core.Common;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Briefings.Web.Infrastructure;

public static class WebUiSetup
{
    /// <summary>Most values one posted form may carry.</summary>
    public const int MaxFormValues = 8_192;

    public static void AddWebUi(this WebApplicationBuilder builder)
    {
        // Static server rendering only: no page has an interactive island (the live room is its own SignalR hub and
        // script). The interactive server mode cost every page a revalidation timer started and cancelled by its
        // authentication state provider, and the component state persisted into the page for a circuit that never
        // came (issue 14.5, docs/benchmarks.md "round 9"); add it back with the first island that needs it.
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery();
        builder.Services.AddScoped<Briefings.Web.Components.Shared.FormOnce>();
        builder.Services.AddBackgroundJob<Briefings.Web.Components.Shared.FormTokenCleanup>();
        // The framework's 1,024 form values were reached by a conclusion of 200 directives (five fields a row): the
        // post was refused as an "expired form" and every row typed was lost. The editor holds at most
        // ConclusionForm.MaxDirectives rows (2,500 values); a form beyond this limit gets InputRefusals' "too large".
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.ValueCountLimit = MaxFormValues);
        builder.AddProxy();

        // Vietnamese letters are sent as they are, not as &#x...; entities (pages a third smaller).
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(VietnameseText.Culture);
            o.SupportedCultures = [VietnameseText.Culture];
            o.SupportedUICultures = [VietnameseText.Culture];
        });
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddDatabaseDeveloperPageExceptionFilter();
        }
    }

    public static void UseWebUi(this WebApplication app)
    {
        // Forwarded headers first: everything after sees the browser's scheme and host.
        app.UseProxy();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseRequestLocalization();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // A JSON API answers its own status (401/403/404 as they are): re-executing an API request as the HTML
        // "not found" page would post it to a page, which refuses it for lack of an antiforgery token (400).
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });

        // Explicit, so that authentication (and its cookie renewal) runs after the forwarded headers.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseForcedPasswordChange();
        app.UseAntiforgery();
        // Static files answer right after routing (security headers already set): a signed-in browser's cookie would
        // otherwise be checked against the database for every stylesheet and script (issue 14.5).
        app.MapStaticAssets().AllowAnonymous().ShortCircuit();
    }
}
