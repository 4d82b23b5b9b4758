namespace Briefings.Web.Infrastructure.Demo;

public static class DemoHistorySetup
{
    /// <summary>Registers the demo history when <c>Demo:Load</c> and <c>Demo:History</c> are both on (Development's
    /// settings; production sets neither): its steps, and <see cref="DemoClock"/> as the app's clock so that the steps
    /// can be dated in the past. Without them nothing of it is registered and the clock is the system's.</summary>
    public static void AddDemoHistory(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>();
        if (options is not { Load: true, History: true })
        {
            return;
        }

        builder.Services.AddSingleton<TimeProvider, DemoClock>();
        builder.Services.AddScoped<DemoStage>();
        builder.Services.AddScoped<DemoSteps>();
        builder.Services.AddScoped<DemoHistory>();
    }
}
