using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Persistence.Providers;

public sealed class PostgreSqlCustomerCasesDbContext(DbContextOptions<PostgreSqlCustomerCasesDbContext> options) : CustomerCasesDbContext(options);
