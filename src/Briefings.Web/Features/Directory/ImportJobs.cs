using System.Collections.Concurrent;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Directory;

/// <summary>
/// Directory imports run as background jobs: the upload request starts one and waits briefly (a small file's result
/// shows at once); a longer one continues after the request, and its page polls the job's progress. A job belongs
/// to the account that started it (only it sees the job's page) and its result is kept for an hour. Jobs live in
/// the instance that runs them: behind several instances the job page needs the same instance (sticky sessions) —
/// see docs/decisions.md.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ImportJobs> logger)
{
    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);

    /// <summary>How often one import is checked and written again after a concurrent write made its write fail.</summary>
    private const int MaxAttempts = 3;

    private readonly ConcurrentDictionary<Guid, Job> jobs = new();

    public sealed class Job(Guid id, string ownerUserId, DateTimeOffset startedAt)
    {
        private volatile ImportDirectory.Progress progress = new("Đang chờ bắt đầu", 0, 0);

        public Guid Id { get; } = id;
        public string OwnerUserId { get; } = ownerUserId;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public ImportDirectory.Progress Progress => progress;
        public ImportDirectory.Report? Report { get; private set; }
        public string? Failure { get; private set; }
        public Task Work { get; internal set; } = Task.CompletedTask;
        public bool Done => Report is not null || Failure is not null;

        internal void Update(ImportDirectory.Progress value) => progress = value;

        internal void Finish(ImportDirectory.Report report) => Report = report;

        internal void Fail(string message) => Failure = message;
    }

    /// <summary>Starts importing <paramref name="file"/> for the signed-in account (its scope, and its name in the audit log).</summary>
    public Job Start(byte[] file, string userId, string userName, AccessScope scope)
    {
        Prune();
        var now = clock.GetUtcNow();
        var job = new Job(Guid.CreateVersion7(), userId, now);
        jobs[job.Id] = job;
        var stopping = lifetime.ApplicationStopping;
        job.Work = Task.Run(async () =>
        {
            try
            {
                await using var services = scopes.CreateAsyncScope();
                var options = services.ServiceProvider.GetRequiredService<DbContextOptions<BriefingsDbContext>>();
                for (var attempt = 1; ; attempt++)
                {
                    // The request is over when a long import runs: the audit actor is the account that started it.
                    await using var db = new BriefingsDbContext(options) { Actor = new Actor(userId, userName), Clock = clock };
                    try
                    {
                        var report = await new ImportDirectory(db).RunAsync(new MemoryStream(file, writable: false), scope, now, new Progress<ImportDirectory.Progress>(job.Update), stopping);
                        job.Finish(report);
                        break;
                    }
                    catch (Exception ex) when (attempt < MaxAttempts && IsConcurrentWrite(ex))
                    {
                        // Another import (the same file sent twice, two clerks) or an editor wrote the same units between this
                        // import's check and its write; this one's transaction was rolled back whole. Checked again from the
                        // start, the file now finds those units and updates them (or finds nothing to change). Before: the
                        // "system error" message and an error in the log. On PostgreSQL the two writes can also end in a
                        // deadlock the server breaks by ending one of them (seen once in CI): the same, checked again.
                        logger.LogInformation("Directory import {Job} met a concurrent write; checking the file again (attempt {Attempt})", job.Id, attempt + 1);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                job.Fail("Máy chủ đã dừng trong khi nhập; chưa nhập dòng nào. Vui lòng nhập lại tệp.");
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Directory import {Job} failed", job.Id);
                job.Fail("Nhập tệp không thành công do lỗi hệ thống; chưa nhập dòng nào. Vui lòng thử lại hoặc báo quản trị hệ thống.");
            }
        }, CancellationToken.None);
        return job;
    }

    /// <summary>Whether the write met a concurrent one and may pass checked again: a changed row, a unique key taken first,
    /// or a transaction the server ended (PostgreSQL's deadlock). Npgsql's execution strategy hands a transient failure
    /// (the deadlock) back wrapped in an <see cref="InvalidOperationException"/>, so the update is looked for inside it
    /// too (CI, 8 Dec: "40P01: deadlock detected" inside "likely due to a transient failure" ended one import as a system
    /// error).</summary>
    private static bool IsConcurrentWrite(Exception ex) =>
        (ex as DbUpdateException ?? ex.InnerException as DbUpdateException) is { } update
        && (update is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(update) || DatabaseErrors.IsTransactionConflict(update));

    /// <summary>The job, when it exists and belongs to <paramref name="userId"/>; <c>Forbidden</c> when it is another account's.</summary>
    public (Job? Job, bool Forbidden) Find(Guid id, string userId)
    {
        Prune();
        return jobs.TryGetValue(id, out var job) ? (job.OwnerUserId == userId ? (job, false) : (null, true)) : (null, false);
    }

    private void Prune()
    {
        var cutoff = clock.GetUtcNow() - Keep;
        foreach (var (id, job) in jobs)
        {
            if (job.Done && job.StartedAt < cutoff)
            {
                jobs.TryRemove(id, out _);
            }
        }
    }

    private sealed class Actor(string userId, string userName) : IAuditActor
    {
        public string? UserId => userId;

        public string UserName => userName;
    }
}
