namespace Briefings.Web.Infrastructure.Demo;

/// <summary>The <c>Demo</c> section. Development turns the demo district on; production leaves it off.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the fictional demo district into an empty database.</summary>
    public bool Load { get; set; }

    /// <summary>With <see cref="Load"/>: also play a year of fictional history (meetings held, conclusions issued, tasks
    /// in every status) through the use cases, dated relative to today, once per database. On in Development only.</summary>
    public bool History { get; set; }

    /// <summary>Password of every demo account. When empty, one is generated at first start and kept in
    /// <c>data/demo-accounts.txt</c> (never in the repository).</summary>
    public string? Password { get; set; }

    /// <summary>Folder for <c>demo-accounts.txt</c>; defaults to <c>data/</c> of the working folder.</summary>
    public string? DataFolder { get; set; }
}
