using Briefings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Briefings.Migrations.Postgres;

/// <summary>Used only by <c>dotnet ef migrations add</c>; the app configures the context itself.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BriefingsDbContext>
{
    public BriefingsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<BriefingsDbContext>();
        DatabaseRegistration.Configure(options, new DatabaseOptions
        {
            Provider = DatabaseOptions.Postgres,
            ConnectionString = "Host=127.0.0.1;Database=design",
        }, Path.GetTempPath());
        return new BriefingsDbContext(options.Options);
    }
}
