using System.Globalization;
using System.Text;
using System.Text.Json;
using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Web.Features.Directory;
using MiniExcelLibs;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// The command-line door of the conclusion reader, run by Program.cs before any web host is built (no database,
/// no server): <c>conclusions parse FILE [FILE…] [--directory FILE.xlsx]</c>. FILE is a .txt, .md or .docx, or
/// <c>-</c> for standard input. Prints one JSON object per file, one per line (<see cref="ConclusionParseJson"/>);
/// with <c>--directory</c> (the directory export, sheet "DonVi") phrases are matched to its units, identified by
/// their id in the app (the export's column "Mã định danh đơn vị") and their code. The limits are the import's. Exit code 0 when every file was read, 2 when one was refused (a
/// Vietnamese message on standard error says why) or the command is wrong.
/// </summary>
public static class ConclusionsCommand
{
    public const int Refused = 2;

    public static bool Handles(string[] args) => args is ["conclusions", ..];

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        if (args is not ["conclusions", "parse", .. var rest])
        {
            await stderr.WriteLineAsync("Cách dùng: conclusions parse TỆP [TỆP…] [--directory DANH-BẠ.xlsx]  (TỆP .txt, .md, .docx hoặc - để đọc từ đầu vào chuẩn)");
            return Refused;
        }

        var files = new List<string>();
        string? directory = null;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == "--directory" && i + 1 < rest.Length)
            {
                directory = rest[++i];
            }
            else
            {
                files.Add(rest[i]);
            }
        }

        if (files.Count == 0)
        {
            await stderr.WriteLineAsync("Hãy chỉ ra ít nhất một tệp cần đọc (hoặc - để đọc từ đầu vào chuẩn).");
            return Refused;
        }

        var options = new ConclusionOptions().Reader();
        (UnitMatcher Matcher, Dictionary<Guid, (string? Id, string Code)> Keys)? units = null;
        if (directory is not null)
        {
            var loaded = LoadDirectory(Locate(directory));
            if (!loaded.Succeeded)
            {
                await stderr.WriteLineAsync($"{directory}: {loaded.Errors[0].Message}");
                return Refused;
            }

            units = loaded.Value;
        }

        var exit = 0;
        foreach (var file in files)
        {
            var text = await ReadTextAsync(file == "-" ? file : Locate(file), stdin, options, ct);
            var read = text.Succeeded ? ConclusionReader.TryRead(text.Value, options, ct) : Result<ConclusionReading>.Fail(text.Errors);
            if (!read.Succeeded)
            {
                await stderr.WriteLineAsync($"{file}: {read.Errors[0].Message}");
                exit = Refused;
                continue;
            }

            var json = ConclusionParseJson.Of(file, read.Value!, units?.Matcher, u => units!.Value.Keys.GetValueOrDefault(u.Id));
            await stdout.WriteLineAsync(JsonSerializer.Serialize(json, ConclusionParseJson.Options));
        }

        await stdout.FlushAsync(ct);
        return exit;
    }

    /// <summary>A relative path as the user meant it: `dotnet run --project src/Briefings.Web -- conclusions parse
    /// kl.txt` runs the app in the project's folder, so a path not found there is looked up in the shell's directory
    /// (PWD, which the shell sets and the run inherits).</summary>
    private static string Locate(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return path;
        }

        var shell = Environment.GetEnvironmentVariable("PWD");
        return !string.IsNullOrEmpty(shell) && Path.IsPathRooted(shell) && File.Exists(Path.Combine(shell, path)) ? Path.Combine(shell, path) : path;
    }

    private static async Task<Result<string>> ReadTextAsync(string file, TextReader stdin, ConclusionReaderOptions options, CancellationToken ct)
    {
        if (file == "-")
        {
            // Read one character past the limit, never the whole of an endless stream.
            var buffer = new char[options.MaxCharacters + 1];
            var count = 0;
            int n;
            while (count < buffer.Length && (n = await stdin.ReadAsync(buffer.AsMemory(count), ct)) > 0)
            {
                count += n;
            }

            return count > options.MaxCharacters ? new Error(ConclusionReader.TooLongMessage(options)) : Result<string>.Ok(new string(buffer, 0, count));
        }

        if (!File.Exists(file))
        {
            return new Error("Không tìm thấy tệp.");
        }

        var extension = Path.GetExtension(file).ToLowerInvariant();
        var length = new FileInfo(file).Length;
        if (extension == ".docx")
        {
            if (length > DocxText.MaxBytes)
            {
                return new Error($"Tệp quá lớn ({length / 1024} KB). Giới hạn là {DocxText.MaxBytes / 1024 / 1024} MB.");
            }

            await using var stream = File.OpenRead(file);
            return DocxText.Read(stream, ct);
        }

        if (extension is not (".txt" or ".md"))
        {
            return new Error("Chỉ đọc được tệp .txt, .md hoặc .docx.");
        }

        // A UTF-8 character takes at most 4 bytes: a file larger than that cannot be within the limit.
        if (length > 4L * options.MaxCharacters)
        {
            return new Error(ConclusionReader.TooLongMessage(options));
        }

        var text = await File.ReadAllTextAsync(file, Encoding.UTF8, ct);
        return text.Length > options.MaxCharacters ? new Error(ConclusionReader.TooLongMessage(options)) : Result<string>.Ok(text);
    }

    /// <summary>The units of a directory export (sheet "DonVi"): id, code, full name, short name; retired ones left out.
    /// A file without the id column (made by hand, or exported before it existed) gives codes only.</summary>
    private static Result<(UnitMatcher, Dictionary<Guid, (string? Id, string Code)>)> LoadDirectory(string path)
    {
        if (!File.Exists(path))
        {
            return new Error("Không tìm thấy tệp danh bạ.");
        }

        try
        {
            using var stream = File.OpenRead(path);
            if (!stream.GetSheetNames().Contains(DirectorySheet.Units))
            {
                return new Error($"Tệp danh bạ không có trang '{DirectorySheet.Units}'. Hãy dùng tệp xuất từ hệ thống.");
            }

            stream.Position = 0;
            var keys = new Dictionary<Guid, (string? Id, string Code)>();
            var candidates = new List<UnitCandidate>();
            foreach (var row in stream.Query(useHeaderRow: true, sheetName: DirectorySheet.Units).Cast<IDictionary<string, object?>>())
            {
                string? Cell(string column) =>
                    row.TryGetValue(column, out var v) && Convert.ToString(v, CultureInfo.InvariantCulture) is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

                if (Cell(DirectorySheet.Code) is not { } code || Cell(DirectorySheet.Name) is not { } name ||
                    TextFolding.Fold(Cell(DirectorySheet.Retired)) is "co" or "x")
                {
                    continue;
                }

                var known = Guid.TryParse(Cell(DirectorySheet.UnitId), out var unitId) && !keys.ContainsKey(unitId);
                var id = known ? unitId : Guid.NewGuid();
                keys[id] = (known ? unitId.ToString() : null, code);
                candidates.Add(new UnitCandidate(id, name, Cell(DirectorySheet.ShortName) ?? name));
            }

            return Result<(UnitMatcher, Dictionary<Guid, (string? Id, string Code)>)>.Ok((new UnitMatcher(candidates), keys));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException or NotSupportedException)
        {
            return new Error("Không đọc được tệp danh bạ. Tệp phải là bảng tính .xlsx xuất từ hệ thống.");
        }
    }
}
