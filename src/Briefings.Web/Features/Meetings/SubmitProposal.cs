using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
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
            var (unitId, refused) = await ResolveAsync(input.AddressedToCode, ct);
            if (refused is not null)
            {
                errors.Add(new Error(refused, nameof(Input.AddressedToCode)));
            }
            else
            {
                addressed = unitId;
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

    /// <summary>The units a proposal may be addressed to, as the picker suggests them: "Name (CODE)", hamlet branches
    /// left out. A commune's clerk knows "Phòng Tài chính - Kế hoạch huyện", not its code.</summary>
    public async Task<IReadOnlyList<string>> SuggestionsAsync(CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking()
            .Where(u => u.RetiredAt == null && u.Kind != UnitKind.HamletBranch && u.Kind != UnitKind.Area)
            .Select(u => new { u.Name, u.Code })
            .ToListAsync(ct);
        return units.OrderBy(u => u.Name, VietnameseText.Order).Select(u => $"{u.Name} ({u.Code})").ToList();
    }

    /// <summary>The addressed unit from what was typed: a suggestion "Name (CODE)", a code, or a unit's full or short
    /// name when exactly one unit bears it. Found from outside: the field took only codes, and a commune typing
    /// "Phòng TC-KH" was told no unit had that code.</summary>
    private async Task<(Guid? Id, string? Refused)> ResolveAsync(string typed, CancellationToken ct)
    {
        var text = CleanText.Clean(typed).Trim();
        var code = text.EndsWith(')') && text.LastIndexOf('(') is var open and >= 0 ? text[(open + 1)..^1].Trim() : text;
        var byCode = await db.Units.AsNoTracking().Where(u => u.Code == code && u.RetiredAt == null).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (byCode is not null)
        {
            return (byCode, null);
        }

        var folded = text.ToLower(VietnameseText.Culture);
        var units = await db.Units.AsNoTracking().Where(u => u.RetiredAt == null).Select(u => new { u.Id, u.Name, u.ShortName, u.Kind }).ToListAsync(ct);
        var named = units
            .Where(u => u.Name.ToLower(VietnameseText.Culture) == folded || u.ShortName.ToLower(VietnameseText.Culture) == folded)
            .Select(u => u.Id)
            .ToList();
        if (named.Count == 0 && TextFolding.Fold(text) is { Length: >= 4 } part)
        {
            // A few words of the name, as the hint invites ("Phòng Tài chính"), typed and sent without picking the
            // suggestion: taken when exactly one of the units the picker suggests bears them (found from outside,
            // walk-clerk: the hint's own example was refused). Accents and case do not matter, as in the search.
            var partly = units
                .Where(u => u.Kind != UnitKind.HamletBranch && u.Kind != UnitKind.Area
                    && (TextFolding.Fold(u.Name).Contains(part, StringComparison.Ordinal) || TextFolding.Fold(u.ShortName).Contains(part, StringComparison.Ordinal)))
                .ToList();
            if (partly.Count == 1)
            {
                return (partly[0].Id, null);
            }

            if (partly.Count > 1)
            {
                var some = string.Join("; ", partly.Select(u => u.Name).Order(VietnameseText.Order).Take(3));
                return (null, $"Có {partly.Count} đơn vị có tên chứa \"{text}\" ({some}{(partly.Count > 3 ? "; …" : "")}). Vui lòng gõ thêm hoặc chọn đúng đơn vị trong danh sách gợi ý.");
            }
        }

        return named.Count switch
        {
            1 => (named[0], null),
            0 => (null, $"Không tìm thấy đơn vị \"{text}\". Gõ vài chữ của tên đơn vị rồi chọn trong danh sách gợi ý, hoặc để trống để Văn phòng chuyển đến đơn vị phụ trách."),
            _ => (null, $"Có {named.Count} đơn vị cùng tên \"{text}\" (ví dụ của nhiều xã). Vui lòng chọn đúng đơn vị trong danh sách gợi ý."),
        };
    }
}
