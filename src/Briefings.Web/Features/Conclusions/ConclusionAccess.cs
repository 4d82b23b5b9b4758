using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// The one access gate of conclusions: who may read a conclusion inside the app, and what else they may do
/// (<see cref="Grant"/>); use cases load the document with <see cref="LoadAsync"/> and never decide by hand:
/// <list type="bullet">
/// <item>managers (admins, and clerks whose scope covers the issuing body) and leaders covering the issuing
/// body: drafts and issued documents;</item>
/// <item>once issued, also every account whose scope covers a recipient unit ("Nơi nhận");</item>
/// <item>nobody else: they get 403 and no data. The public version is a separate page.</item>
/// </list>
/// An account opens a document for the recipient units of its own scope (managers and leaders: only their
/// own unit, not the units of the area they oversee); those openings are the receipts.
/// </summary>
public sealed class ConclusionAccess(BriefingsDbContext db)
{
    /// <summary>What an account may do with one conclusion, decided once.</summary>
    /// <param name="CanView">Read it (and its .docx, PDF).</param>
    /// <param name="CanManage">The office of the issuer: edit the draft, submit, issue, bring in, correct, publish.</param>
    /// <param name="CanApprove">Approve a submitted draft: leaders covering the issuer, and admins.</param>
    /// <param name="ActingUnitIds">The recipient units this account opens it for (receipts).</param>
    public sealed record Grant(bool CanView, bool CanManage, bool CanApprove, IReadOnlyList<Guid> ActingUnitIds)
    {
        /// <summary>The drafting history (versions): the office and the leaders covering the issuer.</summary>
        public bool CanReadHistory => CanManage || CanApprove;

        public bool Allows(Need need) => need switch
        {
            Need.View => CanView,
            Need.Manage => CanManage,
            Need.Approve => CanApprove,
            Need.History => CanReadHistory,
        };
    }

    /// <summary>The capability a use case needs of the grant.</summary>
    public enum Need
    {
        View,
        Manage,
        Approve,
        History,
    }

    public sealed record Loaded(Conclusion Conclusion, Grant Grant);

    public static Grant None { get; } = new(false, false, false, []);

    /// <summary>The one rule for writing documents for an issuing body: the office (clerks, admins) whose scope
    /// covers it. Used where there is no document yet (a new draft, the register settings) and by the grant.</summary>
    public static bool MayManage(AccessScope scope, Unit issuer) => scope.CanEditUnits && scope.Covers(issuer) && !scope.OverseesOnly(issuer);

    /// <summary>The meeting a new conclusion of <paramref name="scope"/>'s office may conclude: one whose organizing unit
    /// the scope covers — the rule the editor's "from a meeting" link, the save and the editor's list of the meeting's
    /// proposals share. A meeting id posted in the form is the caller's word, not the page's (walk-hostile4: the Front's
    /// clerk posted the party committee's meeting, saw its proposals, and its issue marked that meeting concluded).</summary>
    public static async Task<Result<Core.Meetings.Meeting>> MeetingToConcludeAsync(BriefingsDbContext db, AccessScope scope, Guid meetingId, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound;
        }

        var organizer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.OrganizerUnitId, ct);
        // The Front's own briefing is concluded by the Front's office, not by the party office that covers the Front (walk-orgs).
        return scope.Covers(organizer) && (!meeting.OrganizerOwns || scope.All || Meetings.MeetingAccess.IsBodyOffice(scope))
            ? Result<Core.Meetings.Meeting>.Ok(meeting)
            : Error.Forbidden;
    }

    /// <summary>Loads a conclusion with the account's grant and refuses in one place: 404 for an unknown id, 403
    /// when the grant lacks <paramref name="need"/>. <paramref name="tracked"/> for use cases that change it.</summary>
    public async Task<Result<Loaded>> LoadAsync(Guid conclusionId, UserContext? user, Need need, bool tracked = false, CancellationToken ct = default)
    {
        // One query per owned collection: joined in one, sections × items × directives × recipients came back as their
        // product (a 500-item, 500-directive draft took 35 s to open).
        var query = (tracked ? db.Conclusions : db.Conclusions.AsNoTracking()).AsSplitQuery();
        var conclusion = await query.FirstOrDefaultAsync(c => c.Id == conclusionId, ct);
        if (conclusion is null)
        {
            return Error.NotFound;
        }

        var grant = await ForAsync(conclusion, user, ct);
        return grant.Allows(need) ? Result<Loaded>.Ok(new Loaded(conclusion, grant)) : Error.Forbidden;
    }

    public async Task<Grant> ForAsync(Conclusion conclusion, UserContext? user, CancellationToken ct = default)
    {
        if (user is null)
        {
            return None;
        }

        var issuer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == conclusion.IssuerUnitId, ct);
        var manage = MayManage(user.Scope, issuer);
        var leader = user.IsInRole(Roles.Leader) && user.Scope.Covers(issuer);
        var approve = (leader && !user.Scope.OverseesOnly(issuer)) || user.IsInRole(Roles.Admin);
        if (!conclusion.IsIssued)
        {
            return manage || leader ? new Grant(true, manage, approve, []) : None;
        }

        var recipientUnitIds = RecipientUnitIds(conclusion);
        var inScope = await db.Units.AsNoTracking().Within(user.Scope)
            .Where(u => recipientUnitIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        var view = manage || leader || inScope.Count > 0;
        if (!view)
        {
            return None;
        }

        // The office and the leaders read what they oversee without receiving it for the units below them:
        // the Bí thư reading a conclusion is no receipt of the Ban Dân vận. They receive for their own unit.
        var overseer = manage || leader || user.Scope.All;
        List<Guid> acting = overseer ? [.. recipientUnitIds.Where(id => id == user.Unit.Id)] : inScope;
        return new Grant(true, manage, approve, acting);
    }

    /// <summary>The units an issued document went to: its fixed distribution list, plus — for documents issued
    /// before the list was kept — the single-unit lines and every unit a directive assigns: a lead unit opening its
    /// task's conclusion is never refused.</summary>
    public static List<Guid> RecipientUnitIds(Conclusion conclusion) =>
        [.. conclusion.Addressees.Select(a => a.UnitId)
            .Concat(conclusion.Recipients.Where(r => r.UnitId is not null).Select(r => r.UnitId!.Value))
            .Concat(conclusion.Directives.SelectMany(d => d.LeadUnitIds.Concat(d.CoordinatingUnitIds)))
            .Distinct()];
}
