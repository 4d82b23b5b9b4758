using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>
/// Stores the result of an endpoint's technical check (the browser measured it through Janus's EchoTest) on the
/// endpoint's readiness: picture, sound and connection, each passed or failed against the configured
/// <see cref="CheckThresholds"/>, with the numbers in the details. The server judges, not the browser.
/// </summary>
public sealed class RecordTechnicalCheck(BriefingsDbContext db, EndpointMediaAccess access, IOptions<MediaOptions> options, TimeProvider clock)
{
    /// <summary>What the browser measured. Nulls are "could not measure" and fail their item.</summary>
    public sealed record Measurement(
        double? RttMs, double? LossPercent, int? Width, int? Height, double? VideoKbps, double? FramesPerSecond,
        int? AudioPacketsReceived, double? MicLevel, string? Error);

    public sealed record ItemResult(ReadinessItem Item, string Name, bool Passed, string Details);

    public sealed record Outcome(bool Passed, IReadOnlyList<ItemResult> Items);

    public async Task<Result<Outcome>> RunAsync(Guid meetingId, Guid endpointId, Measurement m, UserContext? user, CancellationToken ct = default)
    {
        var allowed = await access.ForAsync(meetingId, endpointId, user, ct);
        if (!allowed.Succeeded)
        {
            return Result<Outcome>.Fail(allowed.Errors);
        }

        var items = Judge(m, options.Value.Check);
        var endpoint = await db.MeetingEndpoints.FirstAsync(e => e.Id == endpointId, ct);
        var now = clock.GetUtcNow();
        foreach (var item in items)
        {
            endpoint.Record(item.Item, item.Passed, user!.User.UserName!, now, "Kiểm tra tự động: " + item.Details);
        }

        await db.SaveChangesAsync(ct);
        return Result<Outcome>.Ok(new Outcome(items.All(i => i.Passed), items));
    }

    public static IReadOnlyList<ItemResult> Judge(Measurement m, CheckThresholds t)
    {
        var c = VietnameseText.Culture;
        var picture = m.Width >= t.MinWidth && m.Height >= t.MinHeight && m.VideoKbps >= t.MinVideoKbps;
        var sound = m.AudioPacketsReceived >= t.MinAudioPackets && m.MicLevel >= t.MinMicLevel;
        var connection = m.RttMs <= t.MaxRttMs && m.LossPercent <= t.MaxLossPercent;
        var error = string.IsNullOrWhiteSpace(m.Error) ? "" : "; lỗi: " + m.Error.Trim()[..Math.Min(m.Error.Trim().Length, 200)];
        return
        [
            new(ReadinessItem.Picture, MeetingEndpoint.DisplayName(ReadinessItem.Picture), picture && error.Length == 0,
                string.Create(c, $"nhận {m.Width?.ToString(c) ?? "?"}×{m.Height?.ToString(c) ?? "?"}, {Num(m.VideoKbps, "N0")} kbit/s, {Num(m.FramesPerSecond, "N0")} khung/giây (cần ≥ {t.MinWidth}×{t.MinHeight}, ≥ {t.MinVideoKbps:N0} kbit/s){error}")),
            new(ReadinessItem.Sound, MeetingEndpoint.DisplayName(ReadinessItem.Sound), sound && error.Length == 0,
                string.Create(c, $"mức micro {Num(m.MicLevel, "N3")}, {m.AudioPacketsReceived?.ToString(c) ?? "?"} gói âm thanh nhận lại (cần ≥ {t.MinAudioPackets}){error}")),
            new(ReadinessItem.Connection, MeetingEndpoint.DisplayName(ReadinessItem.Connection), connection && error.Length == 0,
                string.Create(c, $"RTT {Num(m.RttMs, "N0")} ms, mất gói {Num(m.LossPercent, "N1")} % (cần RTT ≤ {t.MaxRttMs:N0} ms, mất gói ≤ {t.MaxLossPercent:N1} %){error}")),
        ];
    }

    private static string Num(double? value, string format) => value?.ToString(format, VietnameseText.Culture) ?? "?";

    /// <summary>POST /meetings/{id}/endpoints/{endpointId}/check (JSON; the page's antiforgery token in the
    /// <c>RequestVerificationToken</c> header, since a JSON post is not protected by the form machinery).</summary>
    public static async Task<Results<Ok<Outcome>, JsonHttpResult<GetMediaCredential.Unavailable>>> HandleAsync(
        Guid id, Guid endpointId, Measurement measurement, CurrentUser current, RecordTechnicalCheck record, IAntiforgery antiforgery, HttpContext http, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Json(new GetMediaCredential.Unavailable("Phiên làm việc đã hết hạn, vui lòng tải lại trang."), statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await record.RunAsync(id, endpointId, measurement, await current.GetAsync(ct), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!) : GetMediaCredential.Refused(result.Errors);
    }
}
