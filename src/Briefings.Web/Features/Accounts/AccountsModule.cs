namespace Briefings.Web.Features.Accounts;

/// <summary>Account administration: admins create accounts for any unit, clerks for units of their area.</summary>
public static class AccountsModule
{
    public static void AddAccountAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListAccounts>();
        builder.Services.AddScoped<CreateAccount>();
        builder.Services.AddScoped<AccountAccess>();
        builder.Services.AddScoped<LockAccount>();
        builder.Services.AddScoped<DisableAccount>();
        builder.Services.AddScoped<ResetAccountPassword>();
    }
}
