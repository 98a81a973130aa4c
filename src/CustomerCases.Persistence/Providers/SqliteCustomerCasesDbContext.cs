using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerCases.Persistence.Providers;

public sealed class SqliteCustomerCasesDbContext(DbContextOptions<SqliteCustomerCasesDbContext> options) : CustomerCasesDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no date type: EF would store text and refuse to compare or sort it in SQL. UTC ticks sort and
        // compare correctly, and every time we store is UTC (it comes from TimeProvider.GetUtcNow()).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
