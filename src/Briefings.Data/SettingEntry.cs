namespace Briefings.Data;

/// <summary>A setting administrators change at run time (not configuration files): stored as JSON under a key.</summary>
public sealed class SettingEntry
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public int Version { get; set; }
}
