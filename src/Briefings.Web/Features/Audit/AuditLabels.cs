using System.Globalization;
using System.Text;
using System.Text.Json;
using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Briefings.Core.Organizations;
using Briefings.Web.Features.FollowUp;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Briefings.Web.Features.Audit;

/// <summary>
/// The audit log's words, in one place: entity types, field names and enum values in Vietnamese. The log keeps
/// what the data layer wrote (English keys, enum numbers, UTC); this turns it into lines a clerk reads. An
/// unknown field or value falls back to a readable form (words split, plain text), never raw JSON.
/// </summary>
public static partial class AuditLabels
{
    /// <summary>Audited entity types with their Vietnamese names, in the order the filter lists them.</summary>
    public static readonly IReadOnlyDictionary<string, string> EntityTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Unit"] = "Đơn vị",
        ["Person"] = "Cán bộ",
        ["ApplicationUser"] = "Tài khoản",
        ["Meeting"] = "Cuộc họp",
        ["MeetingEndpoint"] = "Điểm cầu",
        ["ReadinessTick"] = "Sẵn sàng điểm cầu",
        ["Invitation"] = "Giấy mời",
        ["MeetingExclusion"] = "Bỏ khỏi danh sách mời",
        ["MeetingGuest"] = "Khách mời",
        ["Proposal"] = "Kiến nghị",
        ["SpeakingRegistration"] = "Đăng ký phát biểu",
        ["MeetingDocument"] = "Tài liệu họp",
        ["SettingEntry"] = "Thiết lập",
        ["Conclusion"] = "Kết luận",
        ["BodySection"] = "Phần của kết luận",
        ["BodyItem"] = "Mục của kết luận",
        ["Directive"] = "Nhiệm vụ được giao",
        ["Recipient"] = "Nơi nhận",
        ["Addressee"] = "Nơi nhận (người)",
        ["DocumentRegister"] = "Sổ đăng ký số văn bản",
        ["ConclusionReceipt"] = "Đã mở văn bản",
        ["LiveRoom"] = "Phòng họp trực tuyến",
        ["Speech"] = "Lượt phát biểu",
        ["AttendanceMark"] = "Điểm danh",
        ["MinutesEntry"] = "Ghi biên bản",
        ["EndpointPresence"] = "Kết nối điểm cầu",
        ["FollowUpTask"] = "Nhiệm vụ theo dõi",
        ["TaskCoordinator"] = "Đơn vị phối hợp",
        ["TaskReport"] = "Báo cáo tiến độ",
        ["TaskAttachment"] = "Tệp đính kèm báo cáo",
        ["TaskExtension"] = "Gia hạn nhiệm vụ",
        ["FollowUpReview"] = "Rà soát kết luận kỳ trước",
        ["SigningCertificate"] = "Chứng thư số của cơ quan ban hành",
        ["SignedPdf"] = "Ký số bản PDF",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["Id"] = "Mã",
        ["Subject"] = "Chủ thể chứng thư số",
        ["Thumbprint"] = "Vân tay chứng thư số (SHA-256)",
        ["NotBefore"] = "Hiệu lực từ",
        ["NotAfter"] = "Hiệu lực đến",
        ["IsDevelopment"] = "Chứng thư thử nghiệm",
        ["Variant"] = "Bản",
        ["CertificateSubject"] = "Ký bằng chứng thư số",
        ["CertificateThumbprint"] = "Vân tay chứng thư số (SHA-256)",
        ["SignedAt"] = "Ký lúc",
        ["Timestamped"] = "Có dấu thời gian",
        ["Name"] = "Tên",
        ["ShortName"] = "Tên viết tắt",
        ["Code"] = "Mã đơn vị",
        ["Kind"] = "Loại",
        ["OrganizationType"] = "Loại đoàn thể",
        ["Level"] = "Cấp",
        ["Depth"] = "Cấp trong cây",
        ["Path"] = "Đường dẫn trong cây",
        ["SortOrder"] = "Thứ tự",
        ["ParentId"] = "Đơn vị cấp trên",
        ["VerticalParentId"] = "Đơn vị cấp trên theo ngành dọc",
        ["DocumentSymbol"] = "Ký hiệu văn bản",
        ["IsRetired"] = "Ngừng sử dụng",
        ["FullName"] = "Họ và tên",
        ["Phone"] = "Điện thoại",
        ["Email"] = "Thư điện tử",
        ["PhoneNumber"] = "Điện thoại",
        ["UserName"] = "Tên đăng nhập",
        ["PasswordHash"] = "Mật khẩu",
        ["MustChangePassword"] = "Phải đổi mật khẩu",
        ["IncludeSubunits"] = "Gồm đơn vị trực thuộc",
        ["LockoutEnd"] = "Khóa đến",
        ["AccessFailedCount"] = "Số lần đăng nhập sai",
        ["DisabledAt"] = "Vô hiệu hóa lúc",
        ["EmailConfirmed"] = "Đã xác nhận thư điện tử",
        ["PhoneNumberConfirmed"] = "Đã xác nhận điện thoại",
        ["LockoutEnabled"] = "Khóa khi đăng nhập sai",
        ["TwoFactorEnabled"] = "Xác thực hai lớp",
        ["RetiredAt"] = "Ngừng sử dụng lúc",
        ["Positions"] = "Chức vụ",
        ["Title"] = "Tiêu đề",
        ["UnitId"] = "Đơn vị",
        ["PersonId"] = "Cán bộ",
        ["PersonIds"] = "Cán bộ",
        ["MeetingId"] = "Cuộc họp",
        ["EndpointId"] = "Điểm cầu",
        ["ConclusionId"] = "Kết luận",
        ["TaskId"] = "Nhiệm vụ",
        ["Type"] = "Loại",
        ["Mode"] = "Hình thức",
        ["Status"] = "Trạng thái",
        ["State"] = "Trạng thái",
        ["StartsAt"] = "Bắt đầu",
        ["EndsAt"] = "Kết thúc",
        ["Place"] = "Địa điểm",
        ["Summary"] = "Trích yếu",
        ["Preamble"] = "Phần mở đầu",
        ["Text"] = "Nội dung",
        ["TextLength"] = "Độ dài nội dung (ký tự)",
        ["Content"] = "Nội dung",
        ["Note"] = "Ghi chú",
        ["Details"] = "Chi tiết",
        ["Reason"] = "Lý do",
        ["Response"] = "Trả lời",
        ["DeclineReason"] = "Lý do vắng",
        ["RespondedAt"] = "Trả lời lúc",
        ["RespondedBy"] = "Người trả lời",
        ["SubstituteName"] = "Người dự thay",
        ["MarkedBy"] = "Người điểm danh",
        ["MarkedAt"] = "Điểm danh lúc",
        ["Item"] = "Hạng mục",
        ["Passed"] = "Đạt",
        ["By"] = "Người thực hiện",
        ["At"] = "Thời điểm",
        ["Count"] = "Số lượng",
        ["Endpoints"] = "Số điểm cầu",
        ["FileName"] = "Tên tệp",
        ["ContentType"] = "Loại tệp",
        ["Size"] = "Dung lượng (byte)",
        ["Length"] = "Dung lượng (byte)",
        ["UploadedAt"] = "Tải lên lúc",
        ["UploadedBy"] = "Người tải lên",
        ["Key"] = "Khóa thiết lập",
        ["Value"] = "Giá trị",
        ["Number"] = "Số",
        ["Numeral"] = "Số thứ tự phần",
        ["Order"] = "Thứ tự",
        ["SectionOrder"] = "Phần",
        ["Sequence"] = "Số thứ tự trong sổ",
        ["TypeCode"] = "Mã loại văn bản",
        ["TypeName"] = "Loại văn bản",
        ["IssuerUnitId"] = "Cơ quan ban hành",
        ["IssuerSymbol"] = "Ký hiệu cơ quan ban hành",
        ["IssuedOn"] = "Ngày ban hành",
        ["IssuedAt"] = "Ban hành lúc",
        ["IsPublic"] = "Công bố công khai",
        ["SigningForm"] = "Hình thức ký",
        ["SignerTitle"] = "Chức vụ người ký",
        ["SignerName"] = "Người ký",
        ["Sections"] = "Các phần",
        ["Items"] = "Các mục",
        ["DueOn"] = "Hạn hoàn thành",
        ["Deadline"] = "Thời hạn",
        ["DeadlineKind"] = "Loại thời hạn",
        ["ExpectedOutput"] = "Sản phẩm đầu ra",
        ["LeadUnitId"] = "Đơn vị chủ trì",
        ["CompletedOn"] = "Ngày hoàn thành",
        ["CompletedAt"] = "Hoàn thành lúc",
        ["RequestedOn"] = "Xin gia hạn đến",
        ["DecidedAt"] = "Quyết định lúc",
        ["DecidedBy"] = "Người quyết định",
        ["Outcome"] = "Kết quả",
        ["Comment"] = "Nhận xét",
        ["CreatedAt"] = "Tạo lúc",
        ["CreatedBy"] = "Người tạo",
        ["UpdatedAt"] = "Cập nhật lúc",
        ["UpdatedBy"] = "Người cập nhật",
        ["SubmittedAt"] = "Trình ký lúc",
        ["ApprovedAt"] = "Duyệt lúc",
        ["ApprovedBy"] = "Người duyệt",
        ["SubmittedBy"] = "Người trình",
        ["SigningMode"] = "Hình thức ký (T/M, K/T, T/L)",
        ["NumberStyle"] = "Cách ghi số",
        ["SignerPersonId"] = "Người ký (cán bộ)",
        ["ReturnComment"] = "Ý kiến khi trả lại",
        ["ReturnedBy"] = "Người trả lại",
        ["ReturnedAt"] = "Trả lại lúc",
        ["StartedAt"] = "Khai mạc lúc",
        ["EndedAt"] = "Kết thúc lúc",
        ["ConcludedAt"] = "Có kết luận lúc",
        ["InvitationsSentAt"] = "Gửi giấy mời lúc",
        ["OpenedAt"] = "Mở lúc",
        ["Year"] = "Năm",
        ["IsOptional"] = "Không bắt buộc",
        ["AddedReason"] = "Lý do mời thêm",
        ["AddedBy"] = "Người mời thêm",
        ["AddedAt"] = "Mời thêm lúc",
        ["RemovedReason"] = "Lý do bỏ",
        ["RemovedBy"] = "Người bỏ",
        ["RemovedAt"] = "Bỏ lúc",
        ["Organization"] = "Cơ quan, đơn vị",
        ["Position"] = "Chức vụ",
        ["SubstitutePosition"] = "Chức vụ người dự thay",
        ["RuleLabel"] = "Thành phần",

        // What a commune's work writes (walk-commune: the office read "Requested due on", "Pending extension id").
        ["PendingExtensionId"] = "Đề nghị gia hạn đang chờ",
        ["LastReportedAt"] = "Báo cáo gần nhất lúc",
        ["Percent"] = "Tỷ lệ hoàn thành (%)",
        ["PreviousDueOn"] = "Hạn trước khi gia hạn",
        ["RequestedDueOn"] = "Hạn đề nghị",
        ["RequestedAt"] = "Đề nghị lúc",
        ["RequestedBy"] = "Người đề nghị",
        ["DecisionNote"] = "Ý kiến khi quyết định",
        ["OriginalDueOn"] = "Hạn ban đầu",
        ["ExtensionsGranted"] = "Số lần đã gia hạn",
        ["Explanation"] = "Giải trình",
        ["ReplyText"] = "Văn bản trả lời kiến nghị",
        ["ReportId"] = "Báo cáo",
        ["Sha256"] = "Mã băm SHA-256",
        ["Topic"] = "Nội dung phát biểu",
        ["Minutes"] = "Số phút",
        ["AreaUnitId"] = "Địa bàn",
        ["Connected"] = "Đang kết nối",
        ["Muted"] = "Tắt micro",
        ["AudioFlowing"] = "Có âm thanh",
        ["VideoFlowing"] = "Có hình ảnh",

        // The rest of the cycle: conclusions, directives, tasks, reports, meetings and the live room (after walk-operator:
        // the office read "Closing", "Deadline due day", "Superseded by id").
        ["Closing"] = "Phần kết",
        ["CorrectsConclusionId"] = "Đính chính cho văn bản",
        ["FollowUpFrom"] = "Theo dõi từ ngày",
        ["IsBroughtIn"] = "Văn bản nhập từ lịch sử",
        ["IssuedBy"] = "Người ban hành",
        ["PeriodKey"] = "Mã kỳ",
        ["FirstOpenedAt"] = "Mở lần đầu lúc",
        ["FirstOpenedBy"] = "Người mở lần đầu",
        ["AnswersProposalId"] = "Trả lời kiến nghị",
        ["CoordinatingUnitIds"] = "Đơn vị phối hợp",
        ["DeadlineDue"] = "Hạn",
        ["DeadlineDueDay"] = "Ngày hạn trong kỳ",
        ["DeadlineStart"] = "Bắt đầu từ",
        ["GroupName"] = "Nhóm đơn vị",
        ["GroupUnitIds"] = "Các đơn vị trong nhóm",
        ["ItemNumber"] = "Số mục",
        ["LastSequence"] = "Số cuối đã cấp",
        ["ConclusionNumber"] = "Số văn bản",
        ["DeadlineText"] = "Thời hạn (như ghi trong văn bản)",
        ["DirectiveOrder"] = "Thứ tự nhiệm vụ",
        ["ItemText"] = "Nội dung nhiệm vụ",
        ["PendingCompletionId"] = "Đề nghị hoàn thành đang chờ",
        ["PeriodStart"] = "Đầu kỳ",
        ["PeriodEnd"] = "Cuối kỳ",
        ["PeriodLabel"] = "Kỳ báo cáo",
        ["Review"] = "Ý kiến của Văn phòng",
        ["ReviewNote"] = "Nhận xét của Văn phòng",
        ["ReviewedAt"] = "Xem xét lúc",
        ["ReviewedBy"] = "Người xem xét",
        ["StateChangedAt"] = "Đổi trạng thái lúc",
        ["StateChangedBy"] = "Người đổi trạng thái",
        ["StateReason"] = "Lý do đổi trạng thái",
        ["SupersededById"] = "Được thay bằng báo cáo",
        ["BodyAreaId"] = "Địa bàn giao ban",
        ["ChairPersonId"] = "Người chủ trì",
        ["CancelledAt"] = "Hủy lúc",
        ["CancellationReason"] = "Lý do hủy",
        ["InvitationIssuedOn"] = "Ngày giấy mời",
        ["InvitationNumber"] = "Số giấy mời",
        ["InvitedLeaderIds"] = "Lãnh đạo được mời",
        ["OrganizerUnitId"] = "Đơn vị tổ chức",
        ["OrganizerOwns"] = "Cuộc họp riêng của cơ quan tổ chức",
        ["Quarter"] = "Quý",
        ["SecretaryPersonId"] = "Thư ký",
        ["AgendaOrder"] = "Thứ tự trong chương trình",
        ["Description"] = "Mô tả",
        ["IsHost"] = "Điểm cầu chính",
        ["AddressedToUnitId"] = "Đơn vị được kiến nghị",
        ["InvitationId"] = "Giấy mời",
        ["CurrentAgendaOrder"] = "Mục đang thảo luận",
        ["CurrentItemSince"] = "Thảo luận mục này từ",
        ["MediaNote"] = "Ghi chú hình và tiếng",
        ["MediaUnavailable"] = "Không có hình và tiếng",
        ["Revision"] = "Lần sửa",
        ["PlannedMinutes"] = "Số phút dự kiến",
        ["RegistrationId"] = "Đăng ký phát biểu",
        ["Source"] = "Nguồn",
        ["UnitName"] = "Tên đơn vị",
        ["PreviousMeetingId"] = "Cuộc họp kỳ trước",
    };

    // Technical fields repeated by every new row (the record's own id, its place in the unit tree): the object column
    // already names the record, so these would only add lines of ids.
    // Also the keys kept for queries (a folded place name, a unit's path, the console's message counter): no reader's fact.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "Id", "Path", "Depth", "PlaceKey", "LeadUnitPath", "UnitPath", "ConsoleSequence" };

    /// <summary>Whether the page leaves a field out of a change's lines.</summary>
    public static bool IsHidden(string name) => Hidden.Contains(name);

    /// <summary>The Vietnamese name of an entity type; an unknown type is shown in split words.</summary>
    public static string EntityType(string type) => EntityTypes.TryGetValue(type, out var name) ? name : Words(type);

    /// <summary>The Vietnamese name of a field, or null when it has none (for a message that must stay Vietnamese).</summary>
    public static string? KnownField(string name) => Fields.GetValueOrDefault(name);

    /// <summary>The Vietnamese name of a field; an unknown field is shown in split words ("DueOn" → "Due on").</summary>
    public static string Field(string name) => Fields.TryGetValue(name, out var label) ? label : Words(name);

    /// <summary>One changed field: its label and its value before and after, in words.</summary>
    public sealed record Change(string Field, string? Before, string? After);

    /// <summary>The changed fields of an entry, read from the before/after JSON written by the data layer.</summary>
    public static IReadOnlyList<Change> Changes(IModel model, string entityType, string? before, string? after,
        IReadOnlyDictionary<Guid, string>? names = null)
    {
        names ??= new Dictionary<Guid, string>();
        var b = Parse(before);
        var a = Parse(after);
        var clr = model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == entityType);
        var fields = b.Keys.Concat(a.Keys).Distinct(StringComparer.Ordinal).Where(f => !Hidden.Contains(f)).ToList();
        return [.. fields.Select(name =>
        {
            var enumType = EnumOf(clr, name);
            return new Change(Field(name),
                b.TryGetValue(name, out var bv) ? Value(bv, enumType, names) : null,
                a.TryGetValue(name, out var av) ? Value(av, enumType, names) : null);
        })];
    }

    /// <summary>The changes as plain lines ("Trạng thái: Kế hoạch → Đã gửi giấy mời"), for the spreadsheet.</summary>
    public static string Lines(IReadOnlyList<Change> changes) =>
        string.Join("\n", changes.Select(c => c.Before is null ? $"{c.Field}: {c.After}"
            : c.After is null ? $"{c.Field}: {c.Before} → (xóa)"
            : $"{c.Field}: {c.Before} → {c.After}"));

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return result;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                result["Value"] = doc.RootElement.Clone();
                return result;
            }

            foreach (var p in doc.RootElement.EnumerateObject())
            {
                result[p.Name] = p.Value.Clone();
            }
        }
        catch (JsonException)
        {
            // Not JSON (a hand-written note): shown as text.
            using var doc = JsonDocument.Parse(JsonSerializer.Serialize(json));
            result["Details"] = doc.RootElement.Clone();
        }

        return result;
    }

    private static Type? EnumOf(IEntityType? entity, string property)
    {
        var type = entity?.FindProperty(property)?.ClrType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type is { IsEnum: true } ? type : null;
    }

    /// <summary>Every id mentioned in the JSON of some entries, to be named (units, people) in one query.</summary>
    public static IEnumerable<Guid> Ids(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            yield break;
        }

        foreach (System.Text.RegularExpressions.Match m in GuidPattern().Matches(json))
        {
            yield return Guid.Parse(m.Value);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial System.Text.RegularExpressions.Regex GuidPattern();

    private static string Value(JsonElement value, Type? enumType, IReadOnlyDictionary<Guid, string> names) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "(trống)",
        JsonValueKind.True => "Có",
        JsonValueKind.False => "Không",
        JsonValueKind.Number when enumType is not null && value.TryGetInt32(out var n) => EnumValue(enumType, n),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String when Guid.TryParse(value.GetString(), out var id) && names.TryGetValue(id, out var name) => name,
        JsonValueKind.String => Text(value.GetString()!, enumType),
        JsonValueKind.Array => value.GetArrayLength() > 5
            ? string.Create(CultureInfo.InvariantCulture, $"{value.GetArrayLength()} mục")
            : string.Join("; ", value.EnumerateArray().Select(v => Value(v, null, names))),
        _ => string.Join("; ", value.EnumerateObject().Select(p => $"{Field(p.Name)}: {Value(p.Value, null, names)}")),
    };

    private static string Text(string text, Type? enumType)
    {
        if (text.Length == 0)
        {
            return "(trống)";
        }

        if (enumType is not null && Enum.TryParse(enumType, text, out var parsed))
        {
            return EnumValue(enumType, Convert.ToInt32(parsed, CultureInfo.InvariantCulture));
        }

        // Instants are kept in UTC; a clerk reads Vietnam time.
        if (text.Length >= 19 && text[10] == 'T' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return VietnameseText.DateTime(at);
        }

        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary>An enum value in Vietnamese, from the label sources the screens already use where they exist.</summary>
    public static string EnumValue(Type type, int number)
    {
        if (!Enum.IsDefined(type, number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        var value = Enum.ToObject(type, number);
        return value switch
        {
            UnitKind k => k.DisplayName(),
            OrganizationType t => t.DisplayName(),
            MeetingType t => t.DisplayName(),
            MeetingMode m => m.DisplayName(),
            MeetingStatus s => s switch
            {
                MeetingStatus.Planned => "Kế hoạch",
                MeetingStatus.Invited => "Đã gửi giấy mời",
                MeetingStatus.Held => "Đã họp",
                _ => "Đã hủy",
            },
            ConclusionStatus s => s switch
            {
                ConclusionStatus.Draft => "Đang soạn",
                ConclusionStatus.Submitted => "Đã trình ký",
                ConclusionStatus.Approved => "Đã duyệt, chờ ban hành",
                _ => "Đã ban hành",
            },
            SigningMode m => m.Prefix() is { Length: > 0 } prefix ? prefix : "Ký tên cơ quan",
            DocumentNumberStyle n => n == DocumentNumberStyle.State ? "Kiểu hành chính (Số: 07/KL-UBND)" : "Kiểu văn bản Đảng (Số 07-KL/HU)",
            MeetingPhase p => p.DisplayName(),
            InvitationResponse r => Invitation.DisplayName(r),
            AttendanceStatus a => AttendanceMark.DisplayName(a),
            ReadinessItem i => MeetingEndpoint.DisplayName(i),
            FollowUpStatus f => f.Label(),
            TaskState s => FollowUpText.Of(s),
            TaskReportKind k => FollowUpText.Of(k),
            ExtensionState s => FollowUpText.Of(s),
            TaskReportState s => s switch
            {
                TaskReportState.Active => "Còn hiệu lực",
                TaskReportState.Superseded => "Đã được thay thế",
                _ => "Đã rút lại",
            },
            ExpectedOutput o => ConclusionText.OutputName(o),
            ReviewOutcome o => o switch
            {
                ReviewOutcome.Pending => "Chờ Văn phòng xem xét",
                ReviewOutcome.Confirmed => "Đã xác nhận",
                _ => "Đã trả lại",
            },
            DeadlineKind k => k switch
            {
                DeadlineKind.Date => "Trước ngày",
                DeadlineKind.Month => "Trong tháng",
                DeadlineKind.Quarter => "Trong quý",
                DeadlineKind.HalfYear => "Trong 6 tháng",
                DeadlineKind.SchoolYear => "Năm học",
                DeadlineKind.Year => "Trong năm",
                DeadlineKind.Yearly => "Hằng năm",
                DeadlineKind.Ongoing => "Thường xuyên",
                DeadlineKind.Monthly => "Hằng tháng",
                DeadlineKind.Quarterly => "Hằng quý",
                _ => "6 tháng một lần",
            },
            SpeechSource src => src switch
            {
                SpeechSource.Registered => "Đăng ký trước",
                SpeechSource.Live => "Xin phát biểu tại cuộc họp",
                _ => "Chủ trì mời phát biểu",
            },
            SpeechStatus st => st switch
            {
                SpeechStatus.Waiting => "Chờ phát biểu",
                SpeechStatus.Speaking => "Đang phát biểu",
                SpeechStatus.Done => "Đã phát biểu",
                SpeechStatus.Declined => "Chủ trì không mời phát biểu",
                _ => "Đã rút",
            },
            _ => Words(value.ToString()!),
        };
    }

    /// <summary>"DueOn" → "Due on": the readable fallback for a name the log has no label for.</summary>
    public static string Words(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]))
            {
                builder.Append(' ');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
