using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Data;

/// <summary>
/// Storage of the follow-up. Sized for a national deployment (a million tasks, three million reports):
/// <list type="bullet">
/// <item>"a unit's open tasks by due day": (LeadUnitId, CompletedOn, DueOn) — open means CompletedOn IS NULL;</item>
/// <item>"counts per unit and period in the four statuses": (LeadUnitPath, DueOn, CompletedOn) covers a
/// scope prefix scan that groups by unit path and computes the status from the two dates, without the table;</item>
/// <item>per conclusion: (ConclusionId, DirectiveOrder, PeriodKey), unique — one task per directive and period;</item>
/// <item>the office's queue: (IssuerUnitId, State); coordinating units: FollowUpCoordinators(UnitId);
/// the proposals loop: AnswersProposalId.</item>
/// </list>
/// Attachment bytes live in their own table (TaskAttachmentContents) in the database, not on disk: several
/// app instances share no folder, a backup of the database is a backup of the follow-up, and lists of
/// attachments never read the bytes.
/// </summary>
internal static class FollowUpModel
{
    public static void Configure(ModelBuilder builder, bool postgres)
    {
        builder.Entity<FollowUpTask>(t =>
        {
            t.ToTable("FollowUpTasks");
            t.HasKey(x => x.Id);
            t.Property(x => x.ConclusionNumber).HasMaxLength(40);
            t.Property(x => x.ItemText).HasMaxLength(20000);
            t.Property(x => x.LeadUnitPath).HasMaxLength(900);
            t.Property(x => x.DeadlineKind).HasConversion<int?>();
            t.Property(x => x.DeadlineText).HasMaxLength(100);
            t.Property(x => x.PeriodKey).HasMaxLength(20);
            t.Property(x => x.PeriodLabel).HasMaxLength(60);
            t.Property(x => x.ExpectedOutput).HasConversion<int>();
            t.Property(x => x.State).HasConversion<int>();
            t.Property(x => x.Version).IsConcurrencyToken();
            t.Ignore(x => x.NeedsReply);

            // A collective directive gives one task per unit of its group: the unit is part of the key.
            t.HasIndex(x => new { x.ConclusionId, x.DirectiveOrder, x.PeriodKey, x.LeadUnitId }).IsUnique();
            t.HasIndex(x => new { x.LeadUnitId, x.CompletedOn, x.DueOn });
            var byPath = t.HasIndex(x => new { x.LeadUnitPath, x.DueOn, x.CompletedOn });
            if (postgres)
            {
                // Scope filters are prefix matches (LIKE '/a/b/%'): under a non-C collation only
                // text_pattern_ops lets PostgreSQL use the index for them.
                byPath.HasOperators("text_pattern_ops", "date_ops", "date_ops");
            }
            t.HasIndex(x => new { x.IssuerUnitId, x.State });
            t.HasIndex(x => x.AnswersProposalId);

            t.HasOne<Conclusion>().WithMany().HasForeignKey(x => x.ConclusionId).OnDelete(DeleteBehavior.Restrict);
            t.HasOne<Unit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
            t.HasOne<Unit>().WithMany().HasForeignKey(x => x.IssuerUnitId).OnDelete(DeleteBehavior.Restrict);

            t.OwnsMany(x => x.Coordinators, c =>
            {
                c.ToTable("FollowUpCoordinators");
                c.WithOwner().HasForeignKey("TaskId");
                c.HasKey("TaskId", nameof(TaskCoordinator.UnitId));
                c.Property(x => x.UnitPath).HasMaxLength(900);
                c.HasIndex(x => x.UnitId);
                var coordinatorPath = c.HasIndex(x => x.UnitPath);
                if (postgres)
                {
                    coordinatorPath.HasOperators("text_pattern_ops");
                }
            });
            t.Navigation(x => x.Coordinators).HasField("coordinators").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<TaskReport>(r =>
        {
            r.ToTable("TaskReports");
            r.HasKey(x => x.Id);
            r.Property(x => x.Kind).HasConversion<int>();
            r.Property(x => x.State).HasConversion<int>();
            r.Property(x => x.Review).HasConversion<int?>();
            r.Property(x => x.Text).HasMaxLength(20000);
            r.Property(x => x.Explanation).HasMaxLength(8000);
            r.Property(x => x.ReplyText).HasMaxLength(20000);
            r.Property(x => x.By).HasMaxLength(256);
            r.Property(x => x.StateReason).HasMaxLength(1000);
            r.Property(x => x.StateChangedBy).HasMaxLength(256);
            r.Property(x => x.ReviewNote).HasMaxLength(2000);
            r.Property(x => x.ReviewedBy).HasMaxLength(256);
            r.HasIndex(x => new { x.TaskId, x.At });
            r.HasIndex(x => x.UnitId);
            r.HasOne<FollowUpTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<TaskAttachment>(a =>
        {
            a.ToTable("TaskAttachments");
            a.HasKey(x => x.Id);
            a.Property(x => x.FileName).HasMaxLength(255);
            a.Property(x => x.ContentType).HasMaxLength(120);
            a.Property(x => x.Sha256).HasMaxLength(64);
            a.Property(x => x.UploadedBy).HasMaxLength(256);
            a.HasIndex(x => x.TaskId);
            a.HasIndex(x => x.ReportId);
            a.HasOne<FollowUpTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne<TaskReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<TaskAttachmentContent>(c =>
        {
            c.ToTable("TaskAttachmentContents");
            c.HasKey(x => x.AttachmentId);
            c.HasOne<TaskAttachment>().WithOne().HasForeignKey<TaskAttachmentContent>(x => x.AttachmentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<TaskExtension>(e =>
        {
            e.ToTable("TaskExtensions");
            e.HasKey(x => x.Id);
            e.Property(x => x.State).HasConversion<int>();
            e.Property(x => x.Reason).HasMaxLength(4000);
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.Property(x => x.DecisionNote).HasMaxLength(2000);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.HasIndex(x => x.TaskId);
            e.HasOne<FollowUpTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The bytes of a <see cref="TaskAttachment"/>, kept apart so lists and audits never load them.</summary>
public sealed class TaskAttachmentContent
{
    public required Guid AttachmentId { get; init; }
    public required byte[] Content { get; init; }
}
