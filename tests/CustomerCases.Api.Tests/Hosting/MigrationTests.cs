using CustomerCases.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Tests.Hosting;

/// <summary>Every model change needs a migration for both providers; this fails when one was forgotten.</summary>
public class MigrationTests
{
    [Fact]
    public void SqliteMigrations_CoverTheModel()
    {
        using var db = new SqliteCustomerCasesDbContext(new DbContextOptionsBuilder<SqliteCustomerCasesDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet ef migrations add <Name> --context SqliteCustomerCasesDbContext --output-dir Migrations/Sqlite");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void PostgreSqlMigrations_CoverTheModel()
    {
        using var db = new PostgreSqlCustomerCasesDbContext(new DbContextOptionsBuilder<PostgreSqlCustomerCasesDbContext>().UseNpgsql("Host=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet ef migrations add <Name> --context PostgreSqlCustomerCasesDbContext --output-dir Migrations/PostgreSql");
        Assert.Equal(
            new SqliteCustomerCasesDbContext(new DbContextOptionsBuilder<SqliteCustomerCasesDbContext>().UseSqlite("Data Source=:memory:").Options)
                .Database.GetMigrations().Select(m => m[15..]),
            db.Database.GetMigrations().Select(m => m[15..]));
    }
}
