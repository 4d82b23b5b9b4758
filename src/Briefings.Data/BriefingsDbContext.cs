using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Briefings.Core.Organizations;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Briefings.Data;

/// <remarks>
/// The app takes its contexts from a pool (issue 14.5: building a context per request was a measurable share of a
/// signed-in page): the context has only the options constructor the pool needs, and who acts and the clock are set
/// on it for each use (<c>DatabaseSetup</c> sets them from the request's services) and reset when it goes back.
/// </remarks>
public sealed class BriefingsDbContext(DbContextOptions<BriefingsDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    /// <summary>Who the audit log names for the changes saved: the system unless set for this use.</summary>
    public IAuditActor Actor { get; set; } = SystemActor.Instance;

    /// <summary>The time the audit log stamps.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingEndpoint> MeetingEndpoints => Set<MeetingEndpoint>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<MeetingExclusion> MeetingExclusions => Set<MeetingExclusion>();
    public DbSet<MeetingGuest> MeetingGuests => Set<MeetingGuest>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<SpeakingRegistration> SpeakingRegistrations => Set<SpeakingRegistration>();
    public DbSet<MeetingDocument> MeetingDocuments => Set<MeetingDocument>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NoticeMark> NoticeMarks => Set<NoticeMark>();
    public DbSet<SentReminder> SentReminders => Set<SentReminder>();
    public DbSet<SettingEntry> Settings => Set<SettingEntry>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<Conclusion> Conclusions => Set<Conclusion>();
    public DbSet<DocumentRegister> DocumentRegisters => Set<DocumentRegister>();
    public DbSet<ConclusionReceipt> ConclusionReceipts => Set<ConclusionReceipt>();
    public DbSet<LiveRoom> LiveRooms => Set<LiveRoom>();
    public DbSet<AttendanceMark> AttendanceMarks => Set<AttendanceMark>();
    public DbSet<MinutesEntry> MinutesEntries => Set<MinutesEntry>();
    public DbSet<MinutesRevision> MinutesRevisions => Set<MinutesRevision>();
    public DbSet<EndpointPresence> EndpointPresences => Set<EndpointPresence>();
    public DbSet<ConclusionVersion> ConclusionVersions => Set<ConclusionVersion>();
    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();
    public DbSet<TaskReport> TaskReports => Set<TaskReport>();
    public DbSet<TaskAttachment> TaskAttachments => Set<TaskAttachment>();
    public DbSet<TaskAttachmentContent> TaskAttachmentContents => Set<TaskAttachmentContent>();
    public DbSet<TaskExtension> TaskExtensions => Set<TaskExtension>();
    public DbSet<FollowUpDigest> FollowUpDigests => Set<FollowUpDigest>();
    public DbSet<FollowUpReview> FollowUpReviews => Set<FollowUpReview>();
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();
    public DbSet<SigningCertificate> SigningCertificates => Set<SigningCertificate>();
    public DbSet<SignedPdf> SignedPdfs => Set<SignedPdf>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no timestamp type; binary ticks keep order and comparisons in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var postgres = Database.IsNpgsql();
        if (postgres)
        {
            builder.HasPostgresExtension("pg_trgm");
        }

        builder.Entity<Unit>(u =>
        {
            u.HasKey(x => x.Id);
            u.Property(x => x.Code).HasMaxLength(64);
            u.HasIndex(x => x.Code).IsUnique();
            u.Property(x => x.Name).HasMaxLength(300);
            u.Property(x => x.ShortName).HasMaxLength(120);
            u.Property(x => x.Level).HasMaxLength(60);
            u.Property(x => x.DocumentSymbol).HasMaxLength(20);
            u.Property(x => x.Path).HasMaxLength(900);
            u.Property(x => x.SearchText).HasMaxLength(600);
            u.Property(x => x.Version).IsConcurrencyToken();
            u.Property(x => x.Kind).HasConversion<int>();
            u.Property(x => x.OrganizationType).HasConversion<int>();
            u.HasIndex(x => x.ParentId);
            u.HasIndex(x => x.Path);
            u.HasIndex(x => x.VerticalParentId);
            var search = u.HasIndex(x => x.SearchText);
            if (postgres)
            {
                search.HasMethod("gin").HasOperators("gin_trgm_ops");
            }

            u.HasOne<Unit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            u.HasOne<Unit>().WithMany().HasForeignKey(x => x.VerticalParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Person>(p =>
        {
            p.HasKey(x => x.Id);
            p.Property(x => x.FullName).HasMaxLength(200);
            p.Property(x => x.Phone).HasMaxLength(40);
            p.Property(x => x.Email).HasMaxLength(200);
            p.Property(x => x.SearchText).HasMaxLength(600);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.HasIndex(x => x.UnitId);
            var search = p.HasIndex(x => x.SearchText);
            if (postgres)
            {
                search.HasMethod("gin").HasOperators("gin_trgm_ops");
            }

            p.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            p.Ignore(x => x.MainTitle);
            p.OwnsMany(x => x.Positions, pos =>
            {
                pos.ToTable("Positions");
                pos.WithOwner().HasForeignKey("PersonId");
                pos.Property<int>("Id");
                pos.HasKey("Id");
                pos.Property(x => x.Title).HasMaxLength(200);
                pos.HasIndex(x => x.UnitId);
            });
            p.Navigation(x => x.Positions).HasField("positions").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<ApplicationUser>(u =>
        {
            u.Property(x => x.FullName).HasMaxLength(200);
            u.HasIndex(x => x.UnitId);
            u.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            u.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.SetNull);
        });

        MeetingsModel.Configure(builder);
        ConclusionsModel.Configure(builder);
        OnlineRoomModel.Configure(builder);
        FollowUpModel.Configure(builder, postgres);
        FollowUpReportsModel.Configure(builder, postgres);
        MailModel.Configure(builder);
        SigningModel.Configure(builder);
        builder.Entity<FormSubmission>(e =>
        {
            // The token is the key: a second insert of the same token is refused by the database itself.
            e.HasKey(x => x.Token);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Target).HasMaxLength(2000);
            e.HasIndex(x => x.CreatedAt);
        });

        builder.Entity<NoticeMark>(e =>
        {
            e.HasKey(x => x.UserId);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SettingEntry>(e =>
        {
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        builder.Entity<AuditEntry>(a =>
        {
            a.Property(x => x.UserName).HasMaxLength(256);
            a.Property(x => x.EntityType).HasMaxLength(64);
            a.Property(x => x.EntityId).HasMaxLength(64);
            a.Property(x => x.Action).HasMaxLength(32);
            a.Property(x => x.ScopePath).HasMaxLength(900);
            a.HasIndex(x => x.At);
            a.HasIndex(x => new { x.EntityType, x.EntityId });
        });
    }

    /// <summary>Set by <see cref="StoredTextRepair"/>: text stored before limits were checked is cleaned, not refused.</summary>
    internal bool RepairingStoredText { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: the audit log needs async look-ups.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once, here; the steps below and EF's own save then run without detecting them again. Each
        // ChangeTracker.Entries() call detects changes over every tracked entry, and the steps below make about ten such
        // calls: with a 500-directive conclusion tracked (1,500+ entries, two Guid lists per directive whose comparer
        // builds a delegate per comparison) that was most of a 500-row save (docs/benchmarks.md, "A 500-row save").
        // What the steps change afterwards goes through the entry API (property values set on the entry, entities
        // added), which EF tracks as it happens.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        StoredText.Apply(ChangeTracker, checkLengths: !RepairingStoredText);
        FollowUpReportsModel.FillSearchText(ChangeTracker);
        var entries = await AuditRecorder.CollectAsync(this, Actor, Clock.GetUtcNow(), cancellationToken);
        AuditEntries.AddRange(entries);
        if (!ChangesPages())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The page version moves in the same transaction as the change, as its LAST statement (PageVersionOnCommit, at
        // commit): a page kept under the old version is never shown once the change is visible, on any instance
        // (PageCache in the web app; issue 14.5). Last, so a transaction holding the version row's lock waits for no
        // other lock: two transactions can never deadlock on it, whatever rows and saves they hold.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            PagesChangedInTransaction = true;
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>The key of the <see cref="SettingEntry"/> whose value changes with every saved change a page may show
    /// (a new random value: concurrent saves never conflict on it, and every one of them leaves a value no page was kept
    /// under). Every signed-in request reads it with its session check; the web app's PageCache keys what it keeps by it.</summary>
    public const string PageVersionKey = "page-version";

    /// <summary>A change a page may show was saved in the current transaction: its commit moves the page version.</summary>
    internal bool PagesChangedInTransaction { get; set; }

    // Changes no kept page shows, frequent enough to empty every kept page for nothing: an endpoint's presence pings
    // during a meeting, a form's one-time token, the mark of the notices an account has seen. Every other change moves
    // the version (a deny list, so an entity added later is covered without anyone remembering this place).
    private bool ChangesPages()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity is not (Core.OnlineRoom.EndpointPresence or FormSubmission or NoticeMark or AuditEntry))
            {
                return true;
            }
        }

        return false;
    }

    // A pooled context goes back to the pool when disposed: the next use must not inherit this one's actor or clock.
    public override void Dispose()
    {
        ResetUse();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ResetUse();
        return base.DisposeAsync();
    }

    private void ResetUse()
    {
        PagesChangedInTransaction = false;
        Actor = SystemActor.Instance;
        Clock = TimeProvider.System;
        RepairingStoredText = false;
    }
}

/// <summary>Keeps one EF model per provider in a process that uses both (benchmarks, tests).</summary>
internal sealed class ProviderModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.Database.ProviderName, designTime);
}
