using System.Globalization;
using System.Text.Json;
using Briefings.Bench;

// Usage (bench/run.sh drives all of it):
//   search --provider Sqlite|Postgres --connection "..." --out figures.json [--units 10000] [--people 100000] [--iterations 500]
//   start  --app path/Briefings.Web.dll --work DIR --out figures.json [--runs 3] [--pid-file FILE] [--cwd DIR] [--history false]
//   sql    --provider Sqlite|Postgres --connection "..." --query "hoi nong dan" [--subtree /path/]
//   meetings --provider Sqlite|Postgres --connection "..." --out figures.json [--label "..."] [--directory 10000|0] [--runs 10]
//   room   --app path/Briefings.Web.dll --work DIR --out figures.json [--clients 2000] [--actions 30] [--pid-file FILE]
//   scale  --url http://nginx --provider Postgres --connection "..." --app-pids A,B --kill-pid A --out figures.json [--clients 10000] [--actions 30] [--communes 200] [--accounts 200]
//   consoles --app path/Briefings.Web.dll --build before|after --work DIR --out figures.json [--communes 200] [--marks 20] [--pid-file FILE]
//   load   --url http://app/path [--connections 64] [--seconds 10] [--header "Cookie: ..."]   (wrk's output, when wrk is absent)
//   pages-seed --url http://app --provider Sqlite|Postgres --connection "..." --cookies-out FILE [--tasks 60]
//   import [--documents 5000] [--out figures.json]
//   evaluate [--evaluation DIR]   precision / recall / F1 of the conclusion reader per split (every folder of the evaluation set)
//   directory-import --provider Sqlite|Postgres --connection "..." [--units 2000] [--people 18000] [--out figures.json]
//   report [--search a.json,b.json] [--start c.json[,d.json]] [--meetings e.json,f.json,...]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Briefings.Bench search|start|meetings|sql|report [--option value ...]");
    return 2;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

string Required(string name) =>
    options.TryGetValue(name, out var value) ? value : throw new ArgumentException("Missing --" + name);

int Int(string name, int fallback) =>
    options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

switch (args[0])
{
    case "search":
    {
        var figures = await SearchBench.RunAsync(Required("provider"), Required("connection"), Int("units", 10_000), Int("people", 100_000), Int("iterations", 500));
        await File.WriteAllTextAsync(Required("out"), JsonSerializer.Serialize(figures, Report.Json));
        return 0;
    }

    case "start":
    {
        var app = Path.GetFullPath(Required("app"));
        var figures = await StartBench.RunAsync(
            app,
            Path.GetFullPath(Required("work")),
            Int("runs", 3),
            options.GetValueOrDefault("password") ?? "Bench-Demo-2026",
            options.GetValueOrDefault("pid-file"),
            options.TryGetValue("cwd", out var cwd) ? Path.GetFullPath(cwd) : Path.GetDirectoryName(app)!,
            options.GetValueOrDefault("history") != "false");
        await File.WriteAllTextAsync(Required("out"), JsonSerializer.Serialize(figures, Report.Json));
        return 0;
    }

    case "room":
    {
        var figures = await RoomBench.RunAsync(Path.GetFullPath(Required("app")), Path.GetFullPath(Required("work")), Int("clients", 2000), Int("actions", 30),
            options.GetValueOrDefault("password") ?? "Bench-Demo-2026", options.GetValueOrDefault("pid-file"));
        await File.WriteAllTextAsync(Required("out"), JsonSerializer.Serialize(figures, Report.Json));
        Console.WriteLine(RoomReport.Markdown(figures));
        return 0;
    }

    case "consoles":
    {
        // Bytes to the organizer's console per roll-call mark and per presence change, and its join (issue 14.4).
        var figures = await ConsolesBench.RunAsync(Required("build"), Path.GetFullPath(Required("app")), Path.GetFullPath(Required("work")), Int("communes", 200),
            Int("marks", 20), options.GetValueOrDefault("password") ?? "Bench-Demo-2026", options.GetValueOrDefault("pid-file"));
        await File.WriteAllTextAsync(Required("out"), JsonSerializer.Serialize(figures, Report.Json));
        Console.WriteLine(ConsolesBench.Markdown([figures]));
        return 0;
    }

    case "consoles-report":
    {
        var runs = Required("in").Split(',').Select(f => JsonSerializer.Deserialize<ConsolesBench.Figures>(File.ReadAllText(f), Report.Json)!).ToList();
        Console.WriteLine(ConsolesBench.Markdown(runs));
        return 0;
    }

    case "scale":
    {
        // The live room across instances behind nginx (issue 14.4); deploy/topology.sh started the parts.
        int[] pids = [.. Required("app-pids").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
        var figures = await ScaleBench.RunAsync(Required("url"), Required("provider"), Required("connection"), pids,
            int.Parse(Required("kill-pid"), CultureInfo.InvariantCulture), Int("clients", 10_000), Int("actions", 30),
            options.GetValueOrDefault("password") ?? "Topology-Demo-2026",
            // name=PID,...: the other parts whose CPU per action is reported (nginx, Redis, PostgreSQL; each with its children).
            (options.GetValueOrDefault("cpu-pids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture)),
            // --communes N: a generated district of N communes, each invited with its own account; --accounts K: the
            // listeners spread over the first K of those accounts (1: all as one account, the old shape). 0: the demo meeting.
            Int("communes", 200), Int("accounts", Int("communes", 200)));
        await File.WriteAllTextAsync(Required("out"), JsonSerializer.Serialize(figures, Report.Json));
        Console.WriteLine(ScaleReport.Markdown(figures));
        return 0;
    }

    case "load":
    {
        // bench/run.sh pages without Debian's wrk: the same figures, printed as wrk prints them.
        return await LoadBench.RunAsync(Required("url"), Int("connections", 64), Int("seconds", 10), options.GetValueOrDefault("header"));
    }

    case "pages-seed":
    {
        // Pages under load (issue 14.5): the commune's tasks and the cookie headers wrk sends (bench/run.sh pages).
        await PagesBench.SeedAsync(Required("url"), Required("provider"), Required("connection"), Int("tasks", 60),
            options.GetValueOrDefault("password") ?? "Topology-Demo-2026", Required("cookies-out"));
        return 0;
    }

    case "meetings":
    {
        // --directory N: first generate the N-unit / 10·N-person directory if the database is empty (0: none).
        var figures = await MeetingsBench.RunAsync(Required("provider"), Required("connection"), options.GetValueOrDefault("label") ?? "", Int("directory", 0), Int("runs", 10));
        await File.WriteAllTextAsync(Required("out"), JsonSerializer.Serialize(figures, Report.Json));
        return 0;
    }

    case "import":
    {
        // Import parsing throughput (issue "Conclusions"): no database needed.
        // --evaluation DIR: the evaluation set (default: found from the working directory, the repository root).
        var figures = ImportBench.Run(Int("documents", 5000), options.GetValueOrDefault("evaluation"));
        var json = JsonSerializer.Serialize(figures, Report.Json);
        Console.WriteLine(json);
        Console.WriteLine(ImportBench.Summary(figures.Evaluation));
        if (options.TryGetValue("out", out var outFile))
        {
            await File.WriteAllTextAsync(outFile, json);
        }

        return 0;
    }

    case "evaluate":
    {
        // Only the evaluation set's precision / recall / F1, one line per split (dev, heldout, unseen-2, unseen-3).
        Console.WriteLine(ImportBench.Summary(ImportBench.Evaluate(options.GetValueOrDefault("evaluation"))));
        return 0;
    }

    case "directory-import":
    {
        // Directory .xlsx import (issue 11): 20,000 rows by default, timed with its extra memory and a read-only baseline.
        var figures = await DirectoryImportBench.RunAsync(Required("provider"), Required("connection"), Int("units", 2_000), Int("people", 18_000));
        var json = JsonSerializer.Serialize(figures, Report.Json);
        Console.WriteLine(json);
        if (options.TryGetValue("out", out var outFile))
        {
            await File.WriteAllTextAsync(outFile, json);
        }

        return 0;
    }

    case "followup":
    {
        var figures = await FollowUpBench.RunAsync(Required("provider"), Required("connection"), Int("units", 10_000), Int("tasks", 1_000_000), Int("reports-per-task", 3), Int("iterations", 300));
        await File.WriteAllTextAsync(Required("out"), JsonSerializer.Serialize(figures, Report.Json));
        return 0;
    }

    case "sql":
    {
        // Prints the SQL of one search (for EXPLAIN when a figure needs explaining).
        await SearchBench.PrintSqlAsync(Required("provider"), Required("connection"), Required("query"), options.GetValueOrDefault("subtree"));
        return 0;
    }

    case "report":
    {
        string[] List(string name) => (options.GetValueOrDefault(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var search = List("search");
        if (search.Length + List("start").Length > 0)
        {
            Console.Write(Report.Markdown(search, List("start")));
        }

        if (List("meetings").Length > 0)
        {
            Console.WriteLine();
            Console.Write(Report.Meetings(List("meetings")));
        }
        return 0;
    }

    default:
        Console.Error.WriteLine("Unknown command " + args[0]);
        return 2;
}
