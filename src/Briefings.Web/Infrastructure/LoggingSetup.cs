namespace Briefings.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>The tag of a request's activity naming the signed-in account; with the request's TraceId and RequestId
    /// it is in the scope of every log line of that request.</summary>
    public const string UserTag = "UserName";

    /// <summary>Structured logs: one JSON object per line outside Development (or when
    /// <c>Logging:Format=json</c>), readable text in Development.</summary>
    public static void AddStructuredLogging(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "text" : "json");
        builder.Logging.ClearProviders();
        // Trace id (the code the error page shows) and the activity's tags (the account) in every line's scope.
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId | ActivityTrackingOptions.Tags);
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
    }
}
