using Briefings.Core.Common;
using Briefings.Core.FollowUp;
using Briefings.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Briefings.Data;

/// <summary>
/// Storage for reminders, reviews and search of the follow-up:
/// <list type="bullet">
/// <item><see cref="FollowUpDigest"/>: one row per recipient and day; its primary key is the exactly-once lease of
/// the daily digest (inserted in the same transaction as the notices);</item>
/// <item><see cref="FollowUpReview"/>: the generated summary of the previous conclusion put on a new briefing's agenda;</item>
/// <item>a shadow column <c>SearchText</c> (folded text, <see cref="TextFolding"/>) on tasks and reports, filled on
/// save, so search is a LIKE in SQL (a trigram GIN index on PostgreSQL);</item>
/// <item>an index (DueOn, CompletedOn) for the reminder job's "open tasks due on these days".</item>
/// </list>
/// </summary>
internal static class FollowUpReportsModel
{
    public const string SearchText = "SearchText";

    public static void Configure(ModelBuilder builder, bool postgres)
    {
        builder.Entity<FollowUpDigest>(d =>
        {
            d.ToTable("FollowUpDigests");
            d.HasKey(x => new { x.Recipient, x.Day });
            d.Property(x => x.Recipient).HasMaxLength(80);
            d.Property(x => x.Text).HasMaxLength(20000);
        });

        builder.Entity<FollowUpReview>(r =>
        {
            r.ToTable("FollowUpReviews");
            r.HasKey(x => x.MeetingId);
            r.Property(x => x.ConclusionNumber).HasMaxLength(40);
            r.Property(x => x.Summary).HasMaxLength(40000);
            r.HasOne<Meeting>().WithOne().HasForeignKey<FollowUpReview>(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<FollowUpTask>(t =>
        {
            t.Property<string>(SearchText).HasMaxLength(20000).HasDefaultValue("");
            t.HasIndex(x => new { x.DueOn, x.CompletedOn });
            if (postgres)
            {
                t.HasIndex(SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            }
        });

        builder.Entity<TaskReport>(r =>
        {
            r.Property<string>(SearchText).HasMaxLength(40000).HasDefaultValue("");
            if (postgres)
            {
                r.HasIndex(SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            }
        });
    }

    /// <summary>Fills the folded search text of added or changed tasks and reports before they are saved.</summary>
    public static void FillSearchText(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<FollowUpTask>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var t = entry.Entity;
            Set(entry, TextFolding.Fold($"{t.ConclusionNumber} {t.ItemText} {t.PeriodLabel}"));
        }

        foreach (var entry in tracker.Entries<TaskReport>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var r = entry.Entity;
            Set(entry, TextFolding.Fold($"{r.Text} {r.Explanation} {r.ReplyText}"));
        }
    }

    private static void Set(EntityEntry entry, string folded)
    {
        var property = entry.Property(SearchText);
        if (!Equals(property.CurrentValue, folded))
        {
            property.CurrentValue = folded;
        }
    }
}

/// <summary>A daily digest of follow-up reminders sent to one recipient ("unit:{id}" or "leader:{account id}").
/// The key (recipient, day) is the lease: of several app instances only the one whose insert commits sends it.</summary>
public sealed class FollowUpDigest
{
    public required string Recipient { get; init; }
    public required DateOnly Day { get; init; }
    public required int Tasks { get; init; }
    public required string Text { get; init; }
    public required DateTimeOffset SentAt { get; init; }
}

/// <summary>The review of the previous conclusion's directives put on a new briefing's agenda
/// ("Kiểm điểm việc thực hiện kết luận kỳ trước"), generated when the briefing is created.</summary>
public sealed class FollowUpReview
{
    public required Guid MeetingId { get; init; }

    // Settable: the review is made again each time the meeting is saved until it starts (ReviewPreviousConclusion).
    public required Guid PreviousMeetingId { get; set; }
    public required Guid ConclusionId { get; set; }
    public required string ConclusionNumber { get; set; }
    public required string Summary { get; set; }

    /// <summary>When the summary was made (or last made again).</summary>
    public required DateTimeOffset CreatedAt { get; set; }
}
