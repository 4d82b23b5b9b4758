namespace Briefings.Web.Tests.Authorization;

/// <summary>
/// The same-district half of the matrix (walk-hostile4): every signed-in route with an id, filled with a record of the
/// neighbouring commune An Lạc, opened by an account of ANOTHER unit of the same district — the neighbouring commune's
/// office (Bình Đông), the Front's clerk, a Ban's specialist. A foreign district's ids (<see cref="RouteRules.Signed"/>)
/// never meet the scope rules that decide between two communes of one district: these do. A route with an id but no
/// rule here fails <see cref="RouteMatrixTests.RouteTable_EveryRouteWithAnId_HasASameDistrictRule"/>.
/// </summary>
public static class NeighbourRules
{
    public const string NeighbourCommune = "xa.binhdong";
    public const string FrontClerk = "mattran";
    public const string BanSpecialist = "bandanvan";

    /// <summary>The accounts of other units of the district that open An Lạc's records.</summary>
    public static readonly string[] Accounts = [NeighbourCommune, FrontClerk, BanSpecialist];

    private static readonly string[] Nobody = [];

    private static Dictionary<string, string> Meeting(NeighbourRecords r) => new() { ["id"] = r.MeetingId };

    private static Dictionary<string, string> Endpoint(NeighbourRecords r) => new() { ["id"] = r.MeetingId, ["endpointid"] = r.EndpointId };

    private static Dictionary<string, string> Conclusion(NeighbourRecords r) => new() { ["id"] = r.ConclusionId };

    /// <summary>Route → how to fill its ids with An Lạc's records, and which of <see cref="Accounts"/> may open it.</summary>
    public static readonly IReadOnlyDictionary<string, NeighbourRule> Rules = new Dictionary<string, NeighbourRule>
    {
        ["/accounts/{Id}"] = new(r => new() { ["id"] = r.AccountId }, Nobody, "An Lạc's account"),
        ["/directory/people/{Id:guid}"] = new(r => new() { ["id"] = r.PersonId }, Nobody, "people's records only inside the scope"),
        ["/directory/people/{Id:guid}/edit"] = new(r => new() { ["id"] = r.PersonId }, Nobody, "people's records only inside the scope"),
        ["/directory/units/{Id:guid}"] = new(r => new() { ["id"] = r.UnitId }, Accounts, "unit names are visible to every account"),
        ["/directory/units/{Id:guid}/edit"] = new(r => new() { ["id"] = r.UnitId }, Nobody, "the tree is changed by the office of its area"),
        ["/directory/units/{Id:guid}/move"] = new(r => new() { ["id"] = r.UnitId }, Nobody, "the tree is changed by the office of its area"),
        ["/meetings/{Id:guid}"] = new(Meeting, Nobody, "An Lạc's own meeting: none of them is invited"),
        ["/meetings/{Id:guid}/edit"] = new(Meeting, Nobody, "managed by An Lạc's office"),
        ["/meetings/{Id:guid}/invitations"] = new(Meeting, Nobody, "managed by An Lạc's office"),
        ["/meetings/{Id:guid}/readiness"] = new(Meeting, Nobody, "managed by An Lạc's office"),
        ["/meetings/composition/{AreaId:guid}"] = new(r => new() { ["areaid"] = r.AreaId }, Nobody, "An Lạc's composition rules: its meeting managers only"),
        ["/meetings/{Id:guid}/endpoints/{EndpointId:guid}/invitees"] = new(Endpoint, Nobody, "An Lạc's endpoint"),
        ["/meetings/{Id:guid}/endpoints/{EndpointId:guid}/answers"] = new(Endpoint, Nobody, "An Lạc's endpoint"),
        ["/meetings/{Id:guid}/endpoints/{EndpointId:guid}/roll-call"] = new(Endpoint, Nobody, "An Lạc's endpoint"),
        ["/meetings/{Id:guid}/nameboards"] = new(Meeting, Nobody, "managed by An Lạc's office"),
        ["/meetings/{id:guid}/invitation.docx"] = new(Meeting, Nobody, "a meeting they are not invited to"),
        ["/meetings/{id:guid}/minutes.docx"] = new(Meeting, Nobody, "a meeting they are not invited to"),
        ["/meetings/{id:guid}/minutes.pdf"] = new(Meeting, Nobody, "a meeting they are not invited to"),
        ["/meetings/{id:guid}/documents/{documentId:guid}"] = new(r => new() { ["id"] = r.MeetingId, ["documentid"] = r.DocumentId }, Nobody, "a document of a meeting they are not invited to"),
        ["/meetings/{Id:guid}/room"] = new(Meeting, Nobody, "a meeting they are not invited to"),
        ["/meetings/{Id:guid}/console"] = new(Meeting, Nobody, "managed by An Lạc's office"),
        ["/meetings/{Id:guid}/display"] = new(Meeting, Nobody, "a meeting they are not invited to"),
        ["/meetings/{id:guid}/room/presence"] = new(Meeting, Nobody, "posted without a body: refused for all"),
        ["/meetings/{id:guid}/endpoints/{endpointId:guid}/media/credential"] = new(Endpoint, Nobody, "An Lạc's endpoint"),
        ["/meetings/{id:guid}/endpoints/{endpointId:guid}/check/credential"] = new(Endpoint, Nobody, "An Lạc's endpoint"),
        ["/meetings/{id:guid}/endpoints/{endpointId:guid}/check/result"] = new(Endpoint, Nobody, "posted without a body: refused for all"),
        ["/meetings/{id:guid}/media/servers"] = new(Meeting, Nobody, "a meeting they are not invited to"),
        ["/meetings/{Id:guid}/endpoints/{EndpointId:guid}/check"] = new(Endpoint, Nobody, "An Lạc's endpoint"),
        ["/meetings/{Id:guid}/endpoints/{EndpointId:guid}/media"] = new(Endpoint, Nobody, "An Lạc's endpoint"),
        ["/meetings/{id:guid}/readiness/state"] = new(Meeting, Nobody, "managed by An Lạc's office"),
        ["/conclusions/{Id:guid}"] = new(Conclusion, Nobody, "issued to An Lạc only"),
        ["/conclusions/{Id:guid}/edit"] = new(Conclusion, Nobody, "issued to An Lạc only"),
        ["/conclusions/{Id:guid}/versions"] = new(Conclusion, Nobody, "issued to An Lạc only"),
        ["/conclusions/{id:guid}/document.docx"] = new(Conclusion, Nobody, "issued to An Lạc only"),
        ["/conclusions/{id:guid}/document.pdf"] = new(Conclusion, Nobody, "issued to An Lạc only"),
        ["/conclusions/{id:guid}/document.html"] = new(Conclusion, Nobody, "issued to An Lạc only"),
        ["/tasks/{Id:guid}"] = new(r => new() { ["id"] = r.TaskId }, Nobody, "led by An Lạc"),
        ["/tasks/{id:guid}/attachments/{attachmentId:guid}"] = new(r => new() { ["id"] = r.TaskId, ["attachmentid"] = Guid.NewGuid().ToString() }, Nobody, "led by An Lạc: the task is refused before any file is looked up"),
        ["/directory/import/{JobId:guid}"] = new(_ => [], Nobody, "an import job is shown only to the account that started it"),
    };
}

public sealed record NeighbourRule(Func<NeighbourRecords, Dictionary<string, string>> Fill, string[] Allowed, string Why);

/// <summary>Records of the commune An Lạc (demo district): its unit, person, account, a meeting of its own with its
/// endpoint and a document, a conclusion issued to it and the task it leads.</summary>
public sealed record NeighbourRecords(string AreaId, string UnitId, string PersonId, string AccountId, string MeetingId, string EndpointId, string DocumentId,
    string ConclusionId, string TaskId);
