using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// Turns .docx into PDF with LibreOffice headless, one document at a time, behind a bounded queue.
/// <para>"Warm" here means the LibreOffice profile folder is created once and reused by every conversion:
/// a cold <c>soffice</c> spends much of its start building that profile. Each document still starts one
/// <c>soffice --convert-to pdf</c> process; a resident listener driven over UNO would be faster but needs
/// the UNO bridge, which .NET on Linux does not have. One worker, because two soffice processes on one
/// profile lock each other out.</para>
/// </summary>
public sealed class PdfConverter : IAsyncDisposable, IDisposable
{
    private readonly Channel<Job> queue;
    private readonly ConclusionDocumentOptions options;
    private readonly ILogger<PdfConverter> logger;
    private readonly Task worker;
    private readonly CancellationTokenSource stopping = new();
    private readonly bool ownsProfile;
    private int disposed;
    private int waiting;
    private int converted;
    private volatile bool busy;

    public PdfConverter(IOptions<ConclusionDocumentOptions> options, ILogger<PdfConverter> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        queue = Channel.CreateBounded<Job>(new BoundedChannelOptions(Math.Max(1, this.options.PdfQueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // Without a configured folder, each converter gets a profile of its own, removed when the app stops:
        // two soffice processes on one profile (a second app on the machine, a test run) would hand documents
        // to each other or fail on its lock.
        ownsProfile = string.IsNullOrWhiteSpace(this.options.PdfProfileFolder);
        ProfileFolder = ownsProfile
            ? Path.Combine(Path.GetTempPath(), "briefings-soffice-" + Guid.NewGuid().ToString("N"))
            : this.options.PdfProfileFolder!;
        worker = Task.Run(WorkAsync);
    }

    /// <summary>
    /// The PDF export with its options (JSON form, LibreOffice 7.4+): tagged PDF (a structure tree and /MarkInfo, for
    /// screen readers and reflow) and the document's bookmarks as named destinations (the signing step finds the
    /// signature block by one). Fonts: the templates ask for Times New Roman; where it is not installed fontconfig
    /// gives LibreOffice Liberation Serif (Debian fonts-liberation2), metric-compatible, so lines and pages break
    /// where Word breaks them, embedded as a subset.
    /// </summary>
    public const string ExportFilter = "pdf:writer_pdf_Export:{"
        + "\"UseTaggedPDF\":{\"type\":\"boolean\",\"value\":\"true\"},"
        + "\"ExportBookmarksToPDFDestination\":{\"type\":\"boolean\",\"value\":\"true\"}}";

    /// <summary>The LibreOffice profile reused between conversions.</summary>
    public string ProfileFolder { get; }

    /// <summary>What the queue is doing, for a status line ("Đang chuyển 1, chờ 3").</summary>
    public PdfConverterStatus Status => new(Volatile.Read(ref waiting), busy, Volatile.Read(ref converted));

    /// <summary>The soffice executable on PATH or in /usr/bin, or null.</summary>
    public static string? FindSoffice()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin"))
        {
            var candidate = Path.Combine(folder, "soffice");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(docx);
        // Refused before queueing, so a missing package is a clear error and not a timeout.
        var soffice = FindSoffice() ?? throw new InvalidOperationException(
            "Không tìm thấy LibreOffice (soffice) để chuyển văn bản sang PDF. Cài các gói Debian libreoffice-writer-nogui và fonts-liberation2.");
        var job = new Job(docx, soffice, ct);
        Interlocked.Increment(ref waiting);
        try
        {
            await queue.Writer.WriteAsync(job, ct);
        }
        catch
        {
            Interlocked.Decrement(ref waiting);
            throw;
        }

        return await job.Result.Task.WaitAsync(ct);
    }

    private async Task WorkAsync()
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stopping.Token).ConfigureAwait(false))
        {
            Interlocked.Decrement(ref waiting);
            if (job.Cancellation.IsCancellationRequested)
            {
                job.Result.TrySetCanceled(job.Cancellation);
                continue;
            }

            busy = true;
            try
            {
                job.Result.TrySetResult(await RunSofficeAsync(job).ConfigureAwait(false));
                Interlocked.Increment(ref converted);
            }
            catch (Exception ex)
            {
                // Any failure belongs to this document's caller; the worker carries on with the next one.
                job.Result.TrySetException(ex);
            }
            finally
            {
                busy = false;
            }
        }
    }

    private async Task<byte[]> RunSofficeAsync(Job job)
    {
        var work = System.IO.Directory.CreateTempSubdirectory("briefings-pdf-").FullName;
        try
        {
            System.IO.Directory.CreateDirectory(ProfileFolder);
            var input = Path.Combine(work, "document.docx");
            await File.WriteAllBytesAsync(input, job.Docx, job.Cancellation).ConfigureAwait(false);
            var start = new ProcessStartInfo(job.Soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                "-env:UserInstallation=" + new Uri(ProfileFolder).AbsoluteUri,
                "--convert-to", ExportFilter, "--outdir", work, input,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(job.Cancellation, stopping.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(5, options.PdfTimeoutSeconds)));
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Không khởi động được LibreOffice.");
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (job.Cancellation.IsCancellationRequested)
                {
                    throw;
                }

                throw new TimeoutException($"LibreOffice không chuyển xong văn bản sang PDF trong {options.PdfTimeoutSeconds} giây.");
            }

            var output = Path.Combine(work, "document.pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                throw new InvalidOperationException(
                    $"LibreOffice không chuyển được văn bản sang PDF (mã {process.ExitCode}): {await stderr.ConfigureAwait(false)} {await stdout.ConfigureAwait(false)}".Trim());
            }

            logger.LogInformation("Converted a document to PDF in {Milliseconds} ms", watch.ElapsedMilliseconds);
            return await File.ReadAllBytesAsync(output, job.Cancellation).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                System.IO.Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean: a half-written file must not hide the real result.
            }
        }
    }

    /// <summary>For hosts disposed synchronously (a service provider's Dispose refuses async-only services).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }


        queue.Writer.TryComplete();
        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        while (queue.Reader.TryRead(out var left))
        {
            left.Result.TrySetCanceled();
        }

        stopping.Dispose();
        // soffice.bin may still write its profile (even recreate folders) for a moment after the soffice we
        // waited for exited, so the folder is removed, given a moment, and removed again if it came back.
        for (var attempt = 0; ownsProfile && attempt < 4 && (attempt == 0 || System.IO.Directory.Exists(ProfileFolder)); attempt++)
        {
            try
            {
                if (System.IO.Directory.Exists(ProfileFolder))
                {
                    System.IO.Directory.Delete(ProfileFolder, recursive: true);
                }
            }
            catch (IOException)
            {
                // Still in use; the next round tries again.
            }

            await Task.Delay(300).ConfigureAwait(false);
        }
    }

    private sealed record Job(byte[] Docx, string Soffice, CancellationToken Cancellation)
    {
        public TaskCompletionSource<byte[]> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>The converter's queue: documents waiting, whether one is being converted, how many were done.</summary>
public sealed record PdfConverterStatus(int Queued, bool Converting, int Converted);
