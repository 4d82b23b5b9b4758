using Microsoft.EntityFrameworkCore;

namespace Briefings.Data;

/// <summary>Saving a <see cref="SettingEntry"/> the one way every settings page does: only over the version the
/// user saw (a concurrent save is a conflict, never a silent overwrite), audited by SaveChanges like any change.</summary>
public static class SettingsStore
{
    /// <summary>Stores <paramref name="json"/> under <paramref name="key"/> if its version is still
    /// <paramref name="seenVersion"/> (0: not yet stored); returns the new version, or null on a conflict.</summary>
    public static async Task<int?> SaveSettingAsync(this BriefingsDbContext db, string key, string json, int seenVersion, CancellationToken ct = default)
    {
        var entry = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
        if ((entry?.Version ?? 0) != seenVersion)
        {
            return null;
        }

        if (entry is null)
        {
            entry = new SettingEntry { Key = key, Value = json, Version = 1 };
            db.Settings.Add(entry);
        }
        else
        {
            entry.Value = json;
            entry.Version++;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save of the same key won the insert (unique key) or the row's version moved.
            return null;
        }

        return entry.Version;
    }
}
