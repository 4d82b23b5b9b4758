using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Data;

internal static class MeetingsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Meeting>(m =>
        {
            m.HasKey(x => x.Id);
            m.Property(x => x.Title).HasMaxLength(400);
            m.Property(x => x.Place).HasMaxLength(300);
            m.Property(x => x.PlaceKey).HasMaxLength(300);
            m.Property(x => x.InvitationNumber).HasMaxLength(40);
            m.Property(x => x.CancellationReason).HasMaxLength(500);
            m.Property(x => x.Version).IsConcurrencyToken();
            m.HasIndex(x => x.StartsAt);
            m.HasIndex(x => new { x.PlaceKey, x.StartsAt });
            m.HasIndex(x => x.BodyAreaId);
            m.HasOne<Unit>().WithMany().HasForeignKey(x => x.BodyAreaId).OnDelete(DeleteBehavior.Restrict);
            m.HasOne<Unit>().WithMany().HasForeignKey(x => x.OrganizerUnitId).OnDelete(DeleteBehavior.Restrict);
            m.OwnsMany(x => x.Agenda, a =>
            {
                a.ToTable("AgendaItems");
                a.WithOwner().HasForeignKey("MeetingId");
                a.Property<int>("Id");
                a.HasKey("Id");
                a.Property(x => x.Title).HasMaxLength(400);
                a.Property(x => x.Presenter).HasMaxLength(200);
            });
            m.Navigation(x => x.Agenda).HasField("agenda").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<MeetingEndpoint>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(300);
            e.HasIndex(x => new { x.MeetingId, x.AreaUnitId }).IsUnique();
            e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Unit>().WithMany().HasForeignKey(x => x.AreaUnitId).OnDelete(DeleteBehavior.Restrict);
            e.OwnsMany(x => x.Ticks, t =>
            {
                t.ToTable("ReadinessTicks");
                t.WithOwner().HasForeignKey("EndpointId");
                t.Property<int>("Id");
                t.HasKey("Id");
                t.Property(x => x.By).HasMaxLength(256);
                t.Property(x => x.Details).HasMaxLength(500);
            });
            e.Navigation(x => x.Ticks).HasField("ticks").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<Invitation>(i =>
        {
            i.HasKey(x => x.Id);
            i.Property(x => x.Title).HasMaxLength(200);
            i.Property(x => x.RuleLabel).HasMaxLength(200);
            i.Property(x => x.SubstituteName).HasMaxLength(200);
            i.Property(x => x.SubstitutePosition).HasMaxLength(200);
            i.Property(x => x.DeclineReason).HasMaxLength(500);
            i.Property(x => x.RespondedBy).HasMaxLength(256);
            i.Property(x => x.AddedReason).HasMaxLength(500);
            i.Property(x => x.AddedBy).HasMaxLength(256);
            i.Property(x => x.Version).IsConcurrencyToken();
            i.HasIndex(x => new { x.MeetingId, x.PersonId }).IsUnique();
            i.HasIndex(x => x.UnitId);
            i.HasIndex(x => x.EndpointId);
            i.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            i.HasOne<MeetingEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Restrict);
            i.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<MeetingExclusion>(x =>
        {
            x.HasKey(e => new { e.MeetingId, e.PersonId });
            x.Property(e => e.Reason).HasMaxLength(500);
            x.Property(e => e.By).HasMaxLength(256);
            x.HasOne<Meeting>().WithMany().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.Cascade);
            x.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<MeetingGuest>(g =>
        {
            g.HasKey(x => x.Id);
            g.Property(x => x.FullName).HasMaxLength(200);
            g.Property(x => x.Position).HasMaxLength(200);
            g.Property(x => x.Organization).HasMaxLength(300);
            g.Property(x => x.Reason).HasMaxLength(500);
            g.Property(x => x.AddedBy).HasMaxLength(256);
            g.Property(x => x.RemovedReason).HasMaxLength(500);
            g.Property(x => x.RemovedBy).HasMaxLength(256);
            g.Property(x => x.Version).IsConcurrencyToken();
            g.HasIndex(x => x.MeetingId);
            g.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            g.HasOne<MeetingEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Proposal>(p =>
        {
            p.HasKey(x => x.Id);
            p.Property(x => x.Title).HasMaxLength(300);
            p.Property(x => x.Content).HasMaxLength(8000);
            p.Property(x => x.SubmittedBy).HasMaxLength(256);
            p.HasIndex(x => new { x.MeetingId, x.UnitId });
            p.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SpeakingRegistration>(s =>
        {
            s.HasKey(x => x.Id);
            s.Property(x => x.Topic).HasMaxLength(300);
            s.Property(x => x.Summary).HasMaxLength(4000);
            s.Property(x => x.SubmittedBy).HasMaxLength(256);
            s.HasIndex(x => new { x.MeetingId, x.UnitId });
            s.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MeetingDocument>(d =>
        {
            d.HasKey(x => x.Id);
            d.Property(x => x.FileName).HasMaxLength(255);
            d.Property(x => x.ContentType).HasMaxLength(120);
            d.Property(x => x.Description).HasMaxLength(300);
            d.Property(x => x.UploadedBy).HasMaxLength(256);
            d.HasIndex(x => x.MeetingId);
            d.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Notification>(n =>
        {
            n.Property(x => x.Text).HasMaxLength(500);
            n.Property(x => x.Link).HasMaxLength(300);
            n.HasIndex(x => new { x.UnitId, x.CreatedAt });
        });

        builder.Entity<SentReminder>(r => r.HasKey(x => new { x.MeetingId, x.OffsetMinutes }));
    }
}
