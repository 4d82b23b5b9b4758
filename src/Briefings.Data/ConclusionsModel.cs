using Briefings.Core.Conclusions;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Data;

internal static class ConclusionsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Conclusion>(c =>
        {
            c.HasKey(x => x.Id);
            c.Property(x => x.TypeCode).HasMaxLength(10);
            c.Property(x => x.TypeName).HasMaxLength(100);
            c.Property(x => x.Summary).HasMaxLength(1000);
            c.Property(x => x.Preamble).HasMaxLength(20000);
            c.Property(x => x.Place).HasMaxLength(200);
            c.Property(x => x.Closing).HasMaxLength(5000);
            c.Property(x => x.Status).HasConversion<int>();
            c.Property(x => x.SignerName).HasMaxLength(200);
            c.Property(x => x.SigningForm).HasMaxLength(200);
            c.Property(x => x.SignerTitle).HasMaxLength(200);
            c.Property(x => x.IssuerSymbol).HasMaxLength(20);
            c.Property(x => x.PeriodKey).HasMaxLength(20);
            c.Property(x => x.SubmittedBy).HasMaxLength(256);
            c.Property(x => x.ApprovedBy).HasMaxLength(256);
            c.Property(x => x.IssuedBy).HasMaxLength(256);
            c.Property(x => x.ReturnedBy).HasMaxLength(256);
            c.Property(x => x.ReturnComment).HasMaxLength(Conclusion.MaxCommentLength);
            c.Property(x => x.SigningMode).HasConversion<int>();
            c.Property(x => x.NumberStyle).HasConversion<int>();
            c.Property(x => x.Version).IsConcurrencyToken();
            c.Ignore(x => x.Number);
            c.Ignore(x => x.IsIssued);

            // The register's counter is the first guard against a number given twice; this index is the
            // second, should anything ever write a number without going through the register. Drafts have no
            // number (NULL), and NULLs never collide in a unique index on either database.
            c.HasIndex(x => new { x.IssuerUnitId, x.TypeCode, x.PeriodKey, x.Sequence }).IsUnique();
            c.HasIndex(x => x.MeetingId);
            c.HasIndex(x => x.CorrectsConclusionId);
            c.HasOne<Conclusion>().WithMany().HasForeignKey(x => x.CorrectsConclusionId).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => new { x.Status, x.IssuedOn });
            c.HasIndex(x => new { x.IsPublic, x.Status, x.IssuedAt });
            c.HasOne<Unit>().WithMany().HasForeignKey(x => x.IssuerUnitId).OnDelete(DeleteBehavior.Restrict);
            c.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.SetNull);
            c.HasOne<Person>().WithMany().HasForeignKey(x => x.SignerPersonId).OnDelete(DeleteBehavior.Restrict);

            c.OwnsMany(x => x.Sections, s =>
            {
                s.ToTable("ConclusionSections");
                s.WithOwner().HasForeignKey("ConclusionId");
                s.Property<int>("Id");
                s.HasKey("Id");
                s.Property(x => x.Numeral).HasMaxLength(20);
                s.Property(x => x.Title).HasMaxLength(1000);
            });
            c.OwnsMany(x => x.Items, i =>
            {
                i.ToTable("ConclusionItems");
                i.WithOwner().HasForeignKey("ConclusionId");
                i.Property<int>("Id");
                i.HasKey("Id");
                i.Property(x => x.Text).HasMaxLength(20000);
            });
            c.OwnsMany(x => x.Directives, d =>
            {
                d.ToTable("ConclusionDirectives");
                d.WithOwner().HasForeignKey("ConclusionId");
                d.Property<int>("Id");
                d.HasKey("Id");
                d.Ignore(x => x.Deadline);
                d.Property(x => x.DeadlineKind).HasConversion<int?>();
                d.Property(x => x.ExpectedOutput).HasConversion<int>();
                d.HasIndex(x => x.LeadUnitId);
                d.Property(x => x.GroupName).HasMaxLength(300);
                d.Ignore(x => x.IsCollective);
                d.Ignore(x => x.LeadUnitIds);
                d.HasIndex(x => x.DeadlineDue);
            });
            c.OwnsMany(x => x.Recipients, r =>
            {
                r.ToTable("ConclusionRecipients");
                r.WithOwner().HasForeignKey("ConclusionId");
                r.Property<int>("Id");
                r.HasKey("Id");
                r.Property(x => x.Text).HasMaxLength(500);
                r.HasIndex(x => x.UnitId);
            });
            c.Navigation(x => x.Sections).HasField("sections").UsePropertyAccessMode(PropertyAccessMode.Field);
            c.Navigation(x => x.Items).HasField("items").UsePropertyAccessMode(PropertyAccessMode.Field);
            c.Navigation(x => x.Directives).HasField("directives").UsePropertyAccessMode(PropertyAccessMode.Field);
            c.Navigation(x => x.Recipients).HasField("recipients").UsePropertyAccessMode(PropertyAccessMode.Field);
            c.OwnsMany(x => x.Addressees, a =>
            {
                a.ToTable("ConclusionAddressees");
                a.WithOwner().HasForeignKey("ConclusionId");
                a.Property<int>("Id");
                a.HasKey("Id");
                a.HasIndex(x => x.UnitId);
            });
            c.Navigation(x => x.Addressees).HasField("addressees").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        // The first opening of an issued conclusion by each recipient unit: the key is the lease, so two
        // people of one unit opening it at the same moment leave one receipt.
        builder.Entity<ConclusionReceipt>(r =>
        {
            r.ToTable("ConclusionReceipts");
            r.HasKey(x => new { x.ConclusionId, x.UnitId });
            r.Property(x => x.FirstOpenedBy).HasMaxLength(256);
            r.HasIndex(x => x.UnitId);
            r.HasOne<Conclusion>().WithMany().HasForeignKey(x => x.ConclusionId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        // Every save of a draft keeps the whole text: the versions page compares any two.
        builder.Entity<ConclusionVersion>(v =>
        {
            v.ToTable("ConclusionVersions");
            v.HasKey(x => x.Id);
            v.HasIndex(x => new { x.ConclusionId, x.Number }).IsUnique();
            v.Property(x => x.Snapshot).HasMaxLength(200_000);
            v.Property(x => x.Note).HasMaxLength(200);
            v.Property(x => x.SavedBy).HasMaxLength(256);
            v.HasOne<Conclusion>().WithMany().HasForeignKey(x => x.ConclusionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DocumentRegister>(r =>
        {
            r.ToTable("DocumentRegisters");
            r.HasKey(x => new { x.IssuerUnitId, x.TypeCode, x.PeriodKey });
            r.Property(x => x.TypeCode).HasMaxLength(10);
            r.Property(x => x.PeriodKey).HasMaxLength(20);
            r.Property(x => x.Version).IsConcurrencyToken();
            r.HasOne<Unit>().WithMany().HasForeignKey(x => x.IssuerUnitId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
