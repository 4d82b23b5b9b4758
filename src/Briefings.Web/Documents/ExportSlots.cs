using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Documents;

/// <summary>Limits on heavy exports (Word, PDF and Excel files built on request), per app instance.</summary>
public sealed class ExportLimitOptions
{
    public const string Section = "Exports";

    /// <summary>Exports one account may have running (or waiting) at once; the next is refused with 429.</summary>
    public int PerAccount { get; set; } = 2;

    /// <summary>Exports running at once in this instance; 0 = half the processors, at least one. The rest wait.</summary>
    public int Global { get; set; }

    /// <summary>How long an export waits for a free instance slot before it is refused with 429.</summary>
    public TimeSpan GlobalWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>What a refused export is told to wait, in seconds (the Retry-After header).</summary>
    public int RetryAfterSeconds { get; set; } = 10;
}

/// <summary>
/// The slots of heavy exports in this instance: at most <see cref="ExportLimitOptions.PerAccount"/> per account and
/// <see cref="ExportLimitOptions.Global"/> in all, so one clerk's export loop can neither queue ahead of everyone nor
/// take every core from the pages of other communes (docs/decisions.md, leftovers3). A singleton per app, never a
/// static: tests run many apps in one process.
/// </summary>
public sealed class ExportSlots
{
    private readonly ConcurrentDictionary<string, int> running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim instance;
    private readonly ExportLimitOptions options;

    public ExportSlots(IOptions<ExportLimitOptions> options)
    {
        this.options = options.Value;
        Capacity = this.options.Global > 0 ? this.options.Global : Math.Max(1, Environment.ProcessorCount / 2);
        instance = new SemaphoreSlim(Capacity, Capacity);
    }

    /// <summary>Exports that may run at once in this instance.</summary>
    public int Capacity { get; }

    public int RetryAfterSeconds => Math.Max(1, options.RetryAfterSeconds);

    /// <summary>Exports of <paramref name="account"/> holding or waiting for a slot now.</summary>
    public int InUse(string account) => running.TryGetValue(account, out var n) ? n : 0;

    /// <summary>Exports running now in the instance.</summary>
    public int Running => Capacity - instance.CurrentCount;

    /// <summary>The account of a request; a visitor without one (the public PDF) is counted by its address, as the
    /// forwarded headers give it behind the proxy.</summary>
    public static string AccountOf(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "user:" + id : "ip:" + http.Connection.RemoteIpAddress;

    /// <summary>A slot for <paramref name="account"/>, or null when the account already has its exports running
    /// (<see cref="Refusal.Account"/>) or the instance stayed full for <see cref="ExportLimitOptions.GlobalWait"/>.
    /// Dispose the lease when the export ends, however it ends.</summary>
    public async Task<(IDisposable? Lease, Refusal Refusal)> EnterAsync(string account, CancellationToken ct)
    {
        if (!TryTakeAccount(account))
        {
            return (null, Refusal.Account);
        }

        bool entered;
        try
        {
            entered = await instance.WaitAsync(options.GlobalWait, ct);
        }
        catch
        {
            LeaveAccount(account);
            throw;
        }

        if (!entered)
        {
            LeaveAccount(account);
            return (null, Refusal.Instance);
        }

        return (new Lease(this, account), Refusal.None);
    }

    private bool TryTakeAccount(string account)
    {
        var limit = Math.Max(1, options.PerAccount);
        while (true)
        {
            var current = running.GetOrAdd(account, 0);
            if (current >= limit)
            {
                return false;
            }

            if (running.TryUpdate(account, current + 1, current))
            {
                return true;
            }
        }
    }

    private void LeaveAccount(string account)
    {
        while (true)
        {
            var current = running.GetOrAdd(account, 1);
            if (current <= 1)
            {
                // Removed only while still at 1: a concurrent enter in between makes the removal fail and the loop retry.
                if (running.TryRemove(new KeyValuePair<string, int>(account, current)))
                {
                    return;
                }
            }
            else if (running.TryUpdate(account, current - 1, current))
            {
                return;
            }
        }
    }

    public enum Refusal
    {
        None,
        Account,
        Instance,
    }

    private sealed class Lease(ExportSlots slots, string account) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                slots.instance.Release();
                slots.LeaveAccount(account);
            }
        }
    }
}

/// <summary>The endpoint filter of heavy exports (<see cref="HeavyExport"/>): takes a slot before the file is built and
/// gives it back when the handler ends — with a file, an error, an exception or a client gone away.</summary>
public static class HeavyExports
{
    public const string AccountBusy = "Bạn đang có {0} bản xuất (Word, PDF, Excel) đang được tạo. Vui lòng đợi bản đang tạo tải xong rồi thử lại.";
    public const string InstanceBusy = "Máy chủ đang bận tạo nhiều bản xuất cùng lúc. Vui lòng đợi khoảng {0} giây rồi thử lại.";

    /// <summary>Puts the endpoint under the export limits of <see cref="ExportSlots"/>.</summary>
    public static TBuilder HeavyExport<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var slots = http.RequestServices.GetRequiredService<ExportSlots>();
            var options = http.RequestServices.GetRequiredService<IOptions<ExportLimitOptions>>().Value;
            var (lease, refusal) = await slots.EnterAsync(ExportSlots.AccountOf(http), http.RequestAborted);
            if (lease is null)
            {
                return Busy(http, slots, refusal == ExportSlots.Refusal.Account
                    ? string.Format(CultureInfo.InvariantCulture, AccountBusy, Math.Max(1, options.PerAccount))
                    : string.Format(CultureInfo.InvariantCulture, InstanceBusy, slots.RetryAfterSeconds));
            }

            using (lease)
            {
                return await next(context);
            }
        });

    /// <summary>429 with Retry-After and a short Vietnamese page: a download link opens it in place of the file.</summary>
    private static IResult Busy(HttpContext http, ExportSlots slots, string message)
    {
        http.Response.Headers.RetryAfter = slots.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var text = WebUtility.HtmlEncode(message);
        var html = $"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Đang bận tạo bản xuất</title></head>
            <body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
            <h1 style="font-size:1.3rem">Vui lòng đợi bản xuất đang tạo</h1>
            <p role="alert">{text}</p>
            <p><a href="/">Về trang chủ</a></p>
            </body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
    }
}
