using Microsoft.EntityFrameworkCore.Design;
using RedMvc.Domain.Data;

namespace RedMvc.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the context for this migration set without a SQL Server.</summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer,
            ConnectionString = "Server=localhost;Database=RedMvc;Trusted_Connection=True;TrustServerCertificate=True",
        });
        return new AppDbContext(builder.Options);
    }
}
