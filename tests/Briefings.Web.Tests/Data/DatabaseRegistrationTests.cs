using Briefings.Data;
using Npgsql;

namespace Briefings.Web.Tests.Data;

/// <summary>The PostgreSQL connection string the app uses (issue 14.5): Npgsql's automatic preparation is on and the
/// session reset on close off, each unless the operator set it, and everything else the operator wrote is kept.</summary>
public sealed class DatabaseRegistrationTests
{
    [Fact]
    public void PostgresConnectionString_OperatorsStringWithoutAutoPrepare_AutoPrepareOnAndTheRestKept()
    {
        var used = new NpgsqlConnectionStringBuilder(
            DatabaseRegistration.PostgresConnectionString("Host=127.0.0.1;Port=5433;Database=briefings;Username=briefings;Maximum Pool Size=40"));

        Assert.Equal(DatabaseRegistration.AutoPreparedStatements, used.MaxAutoPrepare);
        Assert.True(used.NoResetOnClose);
        Assert.Equal(("127.0.0.1", 5433, "briefings", "briefings", 40), (used.Host, used.Port, used.Database, used.Username, used.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=briefings;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;Database=briefings;maxautoprepare=7", 7)]
    public void PostgresConnectionString_OperatorSetAutoPrepare_OperatorsValueKept(string given, int expected)
    {
        var used = new NpgsqlConnectionStringBuilder(DatabaseRegistration.PostgresConnectionString(given));

        Assert.Equal(expected, used.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=briefings;No Reset On Close=false", false)]
    [InlineData("Host=127.0.0.1;Database=briefings;noresetonclose=true;Max Auto Prepare=0", true)]
    public void PostgresConnectionString_OperatorSetResetOnClose_OperatorsValueKept(string given, bool expected)
    {
        var used = new NpgsqlConnectionStringBuilder(DatabaseRegistration.PostgresConnectionString(given));

        Assert.Equal(expected, used.NoResetOnClose);
    }
}
