using Briefings.Core.Common;
using Microsoft.AspNetCore.Localization;

namespace Briefings.Web.Infrastructure;

public static class WebUiSetup
{
    public static void AddWebUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddAntiforgery();
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
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseRequestLocalization();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
    }
}
