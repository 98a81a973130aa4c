using CustomerCases.Api.Tests.Support;

namespace CustomerCases.Api.Tests.Elsa;

// The Elsa test classes share one app per provider (every test makes its own definitions, ids and event names), so
// the set pays for two host starts and migrations instead of four.
[CollectionDefinition(Name)]
public sealed class ElsaOnSqlite : ICollectionFixture<SqliteFixture>
{
    public const string Name = "Elsa API on SQLite";
}

[CollectionDefinition(Name)]
public sealed class ElsaOnPostgreSql : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "Elsa API on PostgreSQL";
}
