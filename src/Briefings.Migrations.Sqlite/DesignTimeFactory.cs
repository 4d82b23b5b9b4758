using Briefings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Briefings.Migrations.Sqlite;

/// <summary>Used only by <c>dotnet ef migrations add</c>; the app configures the context itself.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BriefingsDbContext>
{
    public BriefingsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<BriefingsDbContext>();
        DatabaseRegistration.Configure(options, new DatabaseOptions
        {
            Provider = DatabaseOptions.Sqlite,
            ConnectionString = "Data Source=design.db",
        }, Path.GetTempPath());
        return new BriefingsDbContext(options.Options);
    }
}
