using Microsoft.EntityFrameworkCore.Design;
using RedMvc.Domain.Data;

namespace RedMvc.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the context for this migration set without starting the site.</summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = "Data Source=design-time.db",
        });
        return new AppDbContext(builder.Options);
    }
}
