using System.Diagnostics;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Directory;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Briefings.Bench;

/// <summary>
/// Directory .xlsx import (issue 11): a generated workbook of 2,000 new units and 18,000 new people (20,000 rows,
/// about 5 MB: record ids, e-mails and phones are random, as real ones are) imported by <see cref="ImportDirectory"/>
/// into an empty database of the given provider, timed, with the process's extra memory sampled every 10 ms (peak
/// managed heap and peak resident set above what they were before). Same-run baseline: reading every row of the
/// same file with MiniExcel without importing (what any import has to pay at least).
/// </summary>
public static class DirectoryImportBench
{
    public sealed record Figures(string Provider, string Machine, string Load, int Rows, long FileBytes,
        double ReadSeconds, double ReadExtraHeapMb, double ReadExtraRssMb,
        double ImportSeconds, double ImportExtraHeapMb, double ImportExtraRssMb,
        int UnitsAdded, int PeopleAdded, int Errors);

    public static async Task<Figures> RunAsync(string provider, string connectionString, int units, int people)
    {
        var options = SearchBench.Options(provider, connectionString);
        await using (var db = new BriefingsDbContext(options))
        {
            await db.Database.MigrateAsync();
            if (!await db.Units.AnyAsync())
            {
                db.Units.Add(Unit.Create(Guid.CreateVersion7(), "BENCH-ROOT", "Tỉnh Thử Nghiệm", "Tỉnh", UnitKind.Area, null));
                await db.SaveChangesAsync();
            }
        }

        var file = Workbook(units, people);
        Console.Error.WriteLine($"workbook: {file.Length / 1024} KB, {units + people} rows");

        var (readSeconds, readHeap, readRss, rows) = await MeasureAsync(() =>
        {
            var count = 0;
            using var stream = new MemoryStream(file);
            foreach (var sheet in new[] { DirectorySheet.Units, DirectorySheet.People })
            {
                stream.Position = 0;
                foreach (var _ in stream.Query(useHeaderRow: true, sheetName: sheet))
                {
                    count++;
                }
            }

            return Task.FromResult(count);
        });

        ImportDirectory.Report? report = null;
        var (importSeconds, importHeap, importRss, _) = await MeasureAsync(async () =>
        {
            await using var db = new BriefingsDbContext(options);
            var root = await db.Units.AsNoTracking().SingleAsync(u => u.Code == "BENCH-ROOT");
            var scope = AccessScope.For([Roles.Admin], root, [], false);
            var watch = Stopwatch.StartNew();
            var phases = new SynchronousProgress(p => Console.Error.WriteLine($"  {watch.Elapsed.TotalSeconds,6:0.00} s  {p.Phase} {p.Done}/{p.Total}"));
            report = await new ImportDirectory(db).RunAsync(new MemoryStream(file), scope, DateTimeOffset.UtcNow, phases);
            return 0;
        });

        return new Figures(DatabaseRegistration.Normalize(provider), Environment.MachineName, Machine.LoadAverage(), rows, file.Length,
            readSeconds, readHeap, readRss, importSeconds, importHeap, importRss, report!.UnitsAdded, report.PeopleAdded, report.ErrorCount);
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<ImportDirectory.Progress> report) : IProgress<ImportDirectory.Progress>
    {
        public void Report(ImportDirectory.Progress value) => report(value);
    }

    /// <summary>Seconds, and peak managed heap and resident set above their level before, in MB.</summary>
    private static async Task<(double Seconds, double HeapMb, double RssMb, int Result)> MeasureAsync(Func<Task<int>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(true);
        var rssBefore = Rss();
        long peakHeap = heapBefore, peakRss = rssBefore;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                peakRss = Math.Max(peakRss, Rss());
                try
                {
                    await Task.Delay(10, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        var watch = Stopwatch.StartNew();
        var result = await work();
        var seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
        peakRss = Math.Max(peakRss, Rss());
        return (seconds, (peakHeap - heapBefore) / 1048576d, (peakRss - rssBefore) / 1048576d, result);
    }

    private static long Rss()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>Units under BENCH-ROOT and people spread over them, with random ids, phones and e-mails.</summary>
    private static byte[] Workbook(int unitCount, int peopleCount)
    {
        var random = new Random(20261206);
        var unitRows = new List<Dictionary<string, object?>>(unitCount);
        for (var i = 0; i < unitCount; i++)
        {
            unitRows.Add(new Dictionary<string, object?>
            {
                [DirectorySheet.Code] = $"BX-{i:D5}",
                [DirectorySheet.Name] = $"Hội Nông dân xã Thử Nghiệm số {i} {Token(random, 12)}",
                [DirectorySheet.ShortName] = $"Hội ND xã {i}",
                [DirectorySheet.Kind] = "Khác",
                [DirectorySheet.Level] = "Xã",
                [DirectorySheet.Symbol] = null,
                [DirectorySheet.ParentCode] = "BENCH-ROOT",
                [DirectorySheet.VerticalCode] = null,
                [DirectorySheet.Retired] = null,
            });
        }

        var peopleRows = new List<Dictionary<string, object?>>(peopleCount);
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"];
        string[] given = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thị Hoa", "Văn Khang", "Thu Lan", "Đức Minh", "Thị Ngọc", "Hữu Phước"];
        for (var i = 0; i < peopleCount; i++)
        {
            peopleRows.Add(new Dictionary<string, object?>
            {
                [DirectorySheet.PersonId] = Guid.NewGuid().ToString(),
                [DirectorySheet.PersonUnit] = $"BX-{i % unitCount:D5}",
                [DirectorySheet.FullName] = $"{family[random.Next(family.Length)]} {given[random.Next(given.Length)]} {Token(random, 6)}",
                [DirectorySheet.Title] = i % unitCount == 0 ? "Chủ tịch" : "Ủy viên Ban Chấp hành",
                [DirectorySheet.OtherPositions] = null,
                [DirectorySheet.Phone] = $"09{random.Next(10_000_000, 99_999_999)}",
                [DirectorySheet.Email] = $"{Token(random, 40)}@{Token(random, 20)}.example.vn",
                [DirectorySheet.Retired] = null,
            });
        }

        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [DirectorySheet.Units] = unitRows, [DirectorySheet.People] = peopleRows });
        return stream.ToArray();
    }

    private static string Token(Random random, int length)
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Letters[r.Next(Letters.Length)];
            }
        });
    }
}
