using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Data;

/// <summary>The live state of online meetings: room (current item, queue, media flag), roll call, minutes, presence.</summary>
public static class OnlineRoomModel
{
    /// <summary>The shadow column of <see cref="LiveRoom"/> holding the consoles' message sequence.</summary>
    public const string LiveRoomConsoleSequence = "ConsoleSequence";

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<LiveRoom>(r =>
        {
            r.HasKey(x => x.MeetingId);
            r.Property(x => x.MediaNote).HasMaxLength(300);
            r.Property(x => x.Version).IsConcurrencyToken();
            // The consoles' sequence (issue 14.4): raised by one for every changed-row message sent to the consoles
            // (a roll-call mark, a presence change, a minutes save), so a console that missed one sees the gap. Not a
            // domain field: written only by Briefings.Web's ConsoleDeltas in one UPDATE, never by a tracked LiveRoom.
            r.Property<long>(LiveRoomConsoleSequence);
            r.HasOne<Meeting>().WithOne().HasForeignKey<LiveRoom>(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            r.Ignore(x => x.Queue);
            r.Ignore(x => x.Current);
            r.OwnsMany(x => x.Speeches, s =>
            {
                s.ToTable("RoomSpeeches");
                s.WithOwner().HasForeignKey("MeetingId");
                s.HasKey(x => x.Id);
                s.Property(x => x.Id).ValueGeneratedNever();
                s.Property(x => x.UnitName).HasMaxLength(300);
                s.Property(x => x.Topic).HasMaxLength(LiveRoom.MaxTopicLength);
                s.Property(x => x.RequestedBy).HasMaxLength(256);
            });
            r.Navigation(x => x.Speeches).HasField("speeches").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<AttendanceMark>(a =>
        {
            a.HasKey(x => x.InvitationId);
            a.Property(x => x.Reason).HasMaxLength(500);
            a.Property(x => x.SubstituteName).HasMaxLength(200);
            a.Property(x => x.MarkedBy).HasMaxLength(256);
            a.Property(x => x.Version).IsConcurrencyToken();
            a.HasIndex(x => x.MeetingId);
            a.HasOne<Invitation>().WithOne().HasForeignKey<AttendanceMark>(x => x.InvitationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MinutesEntry>(m =>
        {
            m.HasKey(x => x.Id);
            m.Property(x => x.Text).HasMaxLength(MinutesEntry.MaxLength);
            m.Property(x => x.UpdatedBy).HasMaxLength(256);
            m.Property(x => x.Revision).IsConcurrencyToken();
            m.HasIndex(x => new { x.MeetingId, x.AgendaOrder }).IsUnique();
            m.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MinutesRevision>(m =>
        {
            m.HasKey(x => x.Id);
            m.Property(x => x.Text).HasMaxLength(MinutesEntry.MaxLength);
            m.Property(x => x.SavedBy).HasMaxLength(256);
            m.HasIndex(x => new { x.MeetingId, x.AgendaOrder, x.SavedAt });
            m.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EndpointPresence>(p =>
        {
            p.HasKey(x => x.EndpointId);
            p.Property(x => x.LastSource).HasMaxLength(40);
            p.HasIndex(x => x.MeetingId);
            p.HasOne<MeetingEndpoint>().WithOne().HasForeignKey<EndpointPresence>(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
