using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>A unit sends a difficulty or proposal before the meeting, addressed to a unit when it knows which.</summary>
public sealed class SubmitProposal(BriefingsDbContext db, MeetingAccess access, TimeProvider clock)
{
    public sealed record Input(Guid MeetingId, Guid UnitId, string? Title, string? Content, string? AddressedToCode);

    public async Task<Result<Proposal>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var found = await access.ForUnitActionAsync(input.MeetingId, input.UnitId, user, ct);
        if (found.Value is not { } meeting)
        {
            return Result<Proposal>.Fail(found.Errors);
        }

        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add(new Error("Vui lòng nhập tiêu đề kiến nghị.", nameof(Input.Title)));
        }

        if (string.IsNullOrWhiteSpace(input.Content))
        {
            errors.Add(new Error("Vui lòng nhập nội dung khó khăn, kiến nghị.", nameof(Input.Content)));
        }

        Guid? addressed = null;
        if (!string.IsNullOrWhiteSpace(input.AddressedToCode))
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == input.AddressedToCode.Trim(), ct);
            if (unit is null)
            {
                errors.Add(new Error("Không tìm thấy đơn vị được kiến nghị với mã đã nhập.", nameof(Input.AddressedToCode)));
            }
            else
            {
                addressed = unit.Id;
            }
        }

        if (errors.Count > 0)
        {
            return Result<Proposal>.Fail(errors);
        }

        // The same proposal posted again — a double click, the page reloaded after sending, the back button and send —
        // is the one already sent, not a second proposal for the office to answer twice.
        var title = CleanText.Clean(input.Title!).Trim();
        var content = CleanText.Clean(input.Content!).Trim();
        await using var serialized = await db.BeginSerializedAsync($"proposal:{meeting.Id}:{input.UnitId}", ct);
        var sent = await db.Proposals.AsNoTracking()
            .Where(p => p.MeetingId == meeting.Id && p.UnitId == input.UnitId && p.Title == title && p.Content == content)
            .Select(p => (DateTimeOffset?)p.SubmittedAt)
            .FirstOrDefaultAsync(ct);
        if (sent is { } at)
        {
            return Result<Proposal>.Fail([new Error($"Kiến nghị này đã được gửi lúc {VietnameseText.DateTime(at)}; không gửi lại lần nữa.", nameof(Input.Title))]);
        }

        var proposal = new Proposal
        {
            MeetingId = meeting.Id,
            UnitId = input.UnitId,
            Title = title,
            Content = content,
            AddressedToUnitId = addressed,
            SubmittedBy = user.User.UserName!,
            SubmittedAt = clock.GetUtcNow(),
        };
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        await serialized.CommitAsync(ct);
        return Result<Proposal>.Ok(proposal);
    }
}
