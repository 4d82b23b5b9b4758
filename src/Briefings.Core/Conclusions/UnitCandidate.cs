namespace Briefings.Core.Conclusions;

/// <summary>A unit of the directory that a phrase may name: its full name ("Phòng Tài chính - Kế hoạch
/// huyện") and its short name ("Phòng TC-KH").</summary>
public sealed record UnitCandidate(Guid Id, string Name, string ShortName);
