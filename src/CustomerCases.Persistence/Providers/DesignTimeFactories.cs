using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerCases.Persistence.Providers;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCustomerCasesDbContext>
{
    public SqliteCustomerCasesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCustomerCasesDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(SqliteDesignTimeFactory).Assembly.FullName))
            .Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCustomerCasesDbContext>
{
    public PostgreSqlCustomerCasesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCustomerCasesDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsAssembly(typeof(PostgreSqlDesignTimeFactory).Assembly.FullName))
            .Options);
}
