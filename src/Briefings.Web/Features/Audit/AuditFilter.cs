using System.Globalization;

namespace Briefings.Web.Features.Audit;

/// <summary>
/// What a clerk asks of the log, as the filter form sends it (every value a string; an empty select is "").
/// Parsing keeps the raw text so nothing typed is lost, and names each bad field in Vietnamese.
/// </summary>
public sealed record AuditFilter(string? From, string? To, string? Account, string? Unit, string? Type, string? EntityId)
{
    /// <summary>The account value meaning "changes made by the system itself" (jobs, imports).</summary>
    public const string SystemAccount = "he-thong";

    public DateOnly? FromDate { get; private init; }
    public DateOnly? ToDate { get; private init; }
    public Guid? UnitId { get; private init; }
    public IReadOnlyDictionary<string, string> Errors { get; private init; } = new Dictionary<string, string>();
    public bool IsValid => Errors.Count == 0;

    public static AuditFilter Parse(string? from, string? to, string? account, string? unit, string? type, string? entityId)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var fromDate = Date(from, nameof(From), errors);
        var toDate = Date(to, nameof(To), errors);
        if (fromDate is { } f && toDate is { } t && f > t)
        {
            errors[nameof(To)] = "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.";
        }

        Guid? unitId = null;
        if (!string.IsNullOrWhiteSpace(unit))
        {
            if (Guid.TryParse(unit, out var u))
            {
                unitId = u;
            }
            else
            {
                errors[nameof(Unit)] = "Đơn vị đã chọn không hợp lệ.";
            }
        }

        if (!string.IsNullOrWhiteSpace(type) && !AuditLabels.EntityTypes.ContainsKey(type))
        {
            errors[nameof(Type)] = "Loại đối tượng đã chọn không có trong danh sách.";
        }

        return new AuditFilter(from, to, Blank(account), Blank(unit), Blank(type), Blank(entityId))
        {
            FromDate = fromDate,
            ToDate = toDate,
            UnitId = unitId,
            Errors = errors,
        };
    }

    /// <summary>The filter as a query string, for the next page and the export link.</summary>
    public string Query(long? before = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("from", From);
        Add("to", To);
        Add("account", Account);
        Add("unit", Unit);
        Add("type", Type);
        Add("id", EntityId);
        Add("before", before?.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(string? value, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // The date input sends yyyy-MM-dd; a typed dd/MM/yyyy is accepted too.
        if (DateOnly.TryParseExact(value.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = "Ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm.";
        return null;
    }
}
