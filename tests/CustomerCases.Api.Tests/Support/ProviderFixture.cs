namespace CustomerCases.Api.Tests.Support;

/// <summary>One app and database per test class and provider; each test makes its own data (unique e-mails).</summary>
public abstract class ProviderFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private CustomerCasesApp? _app;

    /// <summary>The app; skips the calling test when its database is not available here (see <see cref="TestDatabase"/>).</summary>
    public CustomerCasesApp App
    {
        get
        {
            if (_app is null)
            {
                Assert.Skip(TestDatabase.PostgresSkipReason);
            }

            return _app;
        }
    }

    protected abstract Task<TestDatabase?> CreateDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        if (_database is null)
        {
            return;
        }

        _app = new CustomerCasesApp(_database);
        _ = _app.Server; // start the host now: migrations run here, not inside the first test
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteFixture : ProviderFixture
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.Sqlite());
}

public sealed class PostgreSqlFixture : ProviderFixture
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
