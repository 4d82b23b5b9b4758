namespace Briefings.Web.Tests.Authorization;

/// <summary>
/// The authorization rule of every route of the app, checked by <see cref="RouteMatrixTests"/> against every
/// demo role. A route that is not listed here fails the matrix: add its rule (who may open it; for a route with
/// ids, how to fill them with a record of a foreign unit) or, if it is meant to be public, add it to
/// <see cref="Public"/> with the reason.
/// </summary>
public static class RouteRules
{
    public const string Admin = "admin";
    public const string Clerk = "vanphong";
    public const string Leader = "bithu";
    public const string DistrictStaff = "bandanvan";
    public const string CommuneStaff = "xa.anlac";
    public const string Technician = "kythuat.anlac";

    /// <summary>The demo district's accounts, one per role (and both levels of unit staff).</summary>
    public static readonly string[] DemoAccounts = [Admin, Clerk, Leader, DistrictStaff, CommuneStaff, Technician];

    private static readonly string[] Everyone = DemoAccounts;
    private static readonly string[] Office = [Admin, Clerk];
    private static readonly string[] Managers = [Admin, Clerk, Leader];

    /// <summary>Routes anyone may open without signing in, each with its reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> Public = new Dictionary<string, string>
    {
        ["/health"] = "load balancers and monitoring probe it without an account",
        ["/Account/Login"] = "signing in",
        ["/Account/LoginWith2fa"] = "second step of signing in",
        ["/Account/LoginWithRecoveryCode"] = "second step of signing in",
        ["/Account/Lockout"] = "tells a locked-out person why they cannot sign in",
        ["/Account/InvalidUser"] = "shown when the account of a session vanished",
        ["/Account/AccessDenied"] = "the refusal page itself",
        ["/Error"] = "the error page must render for everyone",
        ["/not-found"] = "the 404 page must render for everyone",
        ["/public/conclusions/{Id:guid}"] = "issued public conclusions are published (only IsPublic ones; others 404)",
        ["/public/conclusions.atom"] = "public feed of issued public conclusions",
        ["/api/public/conclusions"] = "public JSON of issued public conclusions",
        ["/api/public/conclusions/{id}"] = "public JSON of one issued public conclusion (a malformed id answers a JSON 400)",
        ["/api/public/{**rest}"] = "any other public API address answers a JSON 404, never the HTML page",
        ["/public/conclusions/{Malformed}"] = "an id that is not an id answers the same 404 page as an unknown one",
        ["/public/{**rest}"] = "any other public address answers the Vietnamese 404 page, never the sign-in page",
        ["/calendar/{**rest}"] = "a feed address with a malformed id answers 404 (calendar apps cannot sign in)",
        ["/public/conclusions/{id:guid}/document.pdf"] = "the PDF of an issued public conclusion (only IsPublic ones; others 404)",
        ["/calendar/units/{id:guid}.ics"] = "calendar apps cannot sign in: a data-protection token in the URL is the key (refused without it)",
        ["/calendar/people/{id:guid}.ics"] = "calendar apps cannot sign in: a data-protection token in the URL is the key (refused without it)",
        ["/media/lib/janus.js"] = "third-party browser library (Debian package), no data",
        ["/media/lib/adapter.js"] = "third-party browser library (Debian package), no data",
        ["/media/janus/events"] = "Janus's event handler posts here with its own password (Media:EventsPassword), refused without it",
        ["/_framework/opaque-redirect"] = "Blazor's enhanced navigation follows redirects through it, no data",
        ["/{**path:file}"] = "static files of wwwroot (the framework's fallback for a file path), no data",
    };

    /// <summary>Rules of the routes that need a signed-in account.</summary>
    public static readonly IReadOnlyDictionary<string, Rule> Signed = new Dictionary<string, Rule>
    {
        ["/"] = Rule.For(Everyone),
        ["/Account/Manage"] = Rule.For(Everyone, "each account manages itself"),
        ["/Account/Manage/ChangePassword"] = Rule.For(Everyone, "each account manages itself"),
        ["/Account/Manage/Disable2fa"] = Rule.Any("each account manages itself; redirects when 2FA is off"),
        ["/Account/Manage/EnableAuthenticator"] = Rule.For(Everyone, "each account manages itself"),
        ["/Account/Manage/GenerateRecoveryCodes"] = Rule.Any("each account manages itself; refuses when 2FA is off"),
        ["/Account/Manage/ResetAuthenticator"] = Rule.For(Everyone, "each account manages itself"),
        ["/Account/Manage/TwoFactorAuthentication"] = Rule.For(Everyone, "each account manages itself"),
        ["/Account/Logout"] = Rule.Post("ends the caller's own session"),
        ["/accounts"] = Rule.For(Office),
        ["/accounts/{Id}"] = Rule.Foreign(f => new() { ["id"] = f.AccountId }),
        ["/audit"] = Rule.For(Office),
        ["/audit/export.xlsx"] = Rule.For(Office, "the same entries as the page, each within the reader's scope"),
        ["/directory"] = Rule.For(Everyone),
        ["/directory/import"] = Rule.For(Office, "the office imports; each row is checked against its scope"),
        ["/directory/export.xlsx"] = Rule.For(Everyone, "exports the caller's scope only"),
        ["/directory/people/new"] = Rule.For([Admin, Clerk, DistrictStaff, CommuneStaff], "those who edit people; saving checks the unit's scope"),
        ["/directory/people/{Id:guid}"] = Rule.Foreign(f => new() { ["id"] = f.PersonId }),
        ["/directory/people/{Id:guid}/edit"] = Rule.Foreign(f => new() { ["id"] = f.PersonId }),
        ["/directory/units/new"] = Rule.For(Office, "the office changes the tree; saving checks the parent's scope"),
        ["/directory/units/{Id:guid}"] = Rule.Foreign(f => new() { ["id"] = f.UnitId }, Everyone, "unit names are visible to every account (DOMAIN: a shared directory of who exists); people are not"),
        ["/directory/units/{Id:guid}/edit"] = Rule.Foreign(f => new() { ["id"] = f.UnitId }),
        ["/directory/units/{Id:guid}/move"] = Rule.Foreign(f => new() { ["id"] = f.UnitId }),
        ["/meetings"] = Rule.For(Everyone, "lists only the meetings the caller may see"),
        ["/meetings/new"] = Rule.For([Clerk], "a clerk plans the meetings of their area; an admin has no area of its own and is refused (known gap: no area picker)"),
        ["/meetings/policy"] = Rule.For([Admin], "the format policy is the admin's"),
        ["/meetings/{Id:guid}"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId }),
        ["/meetings/{Id:guid}/edit"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId }),
        ["/meetings/{Id:guid}/invitations"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId }),
        ["/meetings/{Id:guid}/readiness"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId }),
        ["/meetings/composition/{AreaId:guid}"] = Rule.Foreign(f => new() { ["areaid"] = f.UnitId }, why: "the rules of the body the unit belongs to: its meeting managers only"),
        ["/meetings/{Id:guid}/endpoints/{EndpointId:guid}/invitees"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId, ["endpointid"] = f.EndpointId }),
        ["/meetings/{Id:guid}/endpoints/{EndpointId:guid}/answers"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId, ["endpointid"] = f.EndpointId }),
        ["/meetings/{Id:guid}/endpoints/{EndpointId:guid}/roll-call"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId, ["endpointid"] = f.EndpointId }),
        ["/meetings/{Id:guid}/nameboards"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId }),
        ["/meetings/{id:guid}/invitation.docx"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId }),
        ["/meetings/{id:guid}/minutes.docx"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId }),
        ["/meetings/{id:guid}/minutes.pdf"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId }),
        ["/meetings/{id:guid}/documents/{documentId:guid}"] = Rule.Unknown(f => new() { ["id"] = f.MeetingId, ["documentid"] = Guid.NewGuid().ToString() }, "no foreign document in the fixture: an unknown document of a foreign meeting"),
        ["/meetings/{Id:guid}/room"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId }),
        ["/meetings/{Id:guid}/console"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId }),
        ["/meetings/{Id:guid}/display"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId }),
        ["/meetings/{id:guid}/room/presence"] = Rule.Unknown(f => new() { ["id"] = f.MeetingId }, "posted without a body, so refused for all; LiveRoomTests posts real ones"),
        ["/meetings/{id:guid}/endpoints/{endpointId:guid}/media/credential"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId, ["endpointid"] = f.EndpointId }),
        ["/meetings/{id:guid}/endpoints/{endpointId:guid}/check/credential"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId, ["endpointid"] = f.EndpointId }),
        ["/meetings/{id:guid}/endpoints/{endpointId:guid}/check/result"] = Rule.Unknown(f => new() { ["id"] = f.MeetingId, ["endpointid"] = f.EndpointId }, "posted without a body, so refused for all; MediaAccessTests posts real ones"),
        ["/meetings/{id:guid}/media/servers"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId }),
        ["/hubs/room/negotiate"] = Rule.Any("SignalR negotiation of the live room hub; every join is checked by RoomAccess"),
        ["/meetings/{Id:guid}/endpoints/{EndpointId:guid}/check"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId, ["endpointid"] = f.EndpointId }),
        ["/meetings/{Id:guid}/endpoints/{EndpointId:guid}/media"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId, ["endpointid"] = f.EndpointId }),
        ["/conclusions/inbox"] = Rule.For(Everyone, "lists only what the caller's units received"),
        ["/conclusions/register"] = Rule.For(Managers, "the register of issuers the caller manages or leads"),
        ["/conclusions/new"] = Rule.For(Office, "the office drafts conclusions"),
        ["/conclusions/pdf-status"] = Rule.For(Managers, "the converter's state, for those who issue and approve documents"),
        ["/conclusions/{Id:guid}"] = Rule.Unknown(f => new() { ["id"] = Guid.NewGuid().ToString() }, "no foreign conclusion in the fixture yet (cycle-conclusions owns the gate): an unknown id"),
        ["/conclusions/{Id:guid}/edit"] = Rule.Unknown(f => new() { ["id"] = Guid.NewGuid().ToString() }, "as above"),
        ["/conclusions/{Id:guid}/versions"] = Rule.Unknown(f => new() { ["id"] = Guid.NewGuid().ToString() }, "as above"),
        ["/conclusions/{id:guid}/document.docx"] = Rule.Unknown(f => new() { ["id"] = Guid.NewGuid().ToString() }, "as above"),
        ["/conclusions/{id:guid}/document.pdf"] = Rule.Unknown(f => new() { ["id"] = Guid.NewGuid().ToString() }, "as above"),
        ["/conclusions/{id:guid}/document.html"] = Rule.Unknown(f => new() { ["id"] = Guid.NewGuid().ToString() }, "as above"),
        ["/followup"] = Rule.Any("the dashboard shows the caller's scope"),
        ["/followup/search"] = Rule.Any("searches the caller's scope"),
        ["/followup/tasks"] = Rule.Any("lists the caller's scope"),
        ["/followup/export.xlsx"] = Rule.Any("exports the caller's scope"),
        ["/followup/export.docx"] = Rule.Any("exports the caller's scope"),
        ["/tasks"] = Rule.Any("lists the caller's unit's tasks"),
        ["/tasks/{Id:guid}"] = Rule.Unknown(f => new() { ["id"] = Guid.NewGuid().ToString() }, "no foreign task in the fixture yet: an unknown id"),
        ["/tasks/{id:guid}/attachments/{attachmentId:guid}"] = Rule.Unknown(f => new() { ["id"] = Guid.NewGuid().ToString(), ["attachmentid"] = Guid.NewGuid().ToString() }, "as above"),
        ["/hubs/room"] = Rule.Any("the live room hub checks RoomAccess on every join"),
        ["/meetings/{id:guid}/readiness/state"] = Rule.Foreign(f => new() { ["id"] = f.MeetingId }),
        ["/meetings/holidays"] = Rule.For(Office, "the admin and the top area's office keep the installation's list of days off (a commune's or the Front's clerk: HolidaysTests)"),
        ["/directory/import/{JobId:guid}"] = Rule.Unknown(f => new() { ["jobid"] = Guid.NewGuid().ToString() }, "an import job is shown only to the account that started it: an unknown job for everyone"),
        ["/conclusions/register/settings"] = Rule.For(Office, "the office sets each register's restart rule"),
        ["/conclusions/signing"] = Rule.For([Admin], "only the admin sets the issuing bodies' signing certificates"),
        ["/api/conclusions/parse"] = Rule.Post("office staff only (Admin, Clerk with an issuing body); ConclusionParseApiTests posts as a commune and is refused"),
    };
}

/// <summary>
/// One route's rule. <see cref="Allowed"/> are the demo accounts that may open it (for a route with ids: the
/// foreign unit's record); every other demo account must be refused (403, 404, or sent to the refusal page).
/// An <see cref="Open"/> rule says any signed-in account may open it and the page itself limits what it shows.
/// </summary>
public sealed record Rule(string[] Allowed, Func<ForeignUnit, Dictionary<string, string>>? Fill, bool Open, bool PostOnly, string Why)
{
    public static Rule For(string[] allowed, string why = "") => new(allowed, null, false, false, why);

    public static Rule Any(string why) => new([], null, true, false, why);

    public static Rule Post(string why) => new([], null, true, true, why);

    /// <summary>A record the fixture does not have (an unknown id): every account must be refused.</summary>
    public static Rule Unknown(Func<ForeignUnit, Dictionary<string, string>> fill, string why) => new([], fill, false, false, why);

    public static Rule Foreign(Func<ForeignUnit, Dictionary<string, string>> fill, string[]? allowed = null, string why = "", bool post = false) =>
        new(allowed ?? [RouteRules.Admin], fill, false, post, why);
}

/// <summary>Records of a district outside the demo district: no demo account but the admin covers them.</summary>
public sealed record ForeignUnit(string UnitId, string PersonId, string MeetingId, string EndpointId, string AccountId);
