using Microsoft.EntityFrameworkCore.Design;
using RedMvc.Domain.Data;

namespace RedMvc.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef` build the context for this migration set without starting the site.</summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.PostgreSql,
            ConnectionString = "Host=localhost;Database=redmvc_design",
        });
        return new AppDbContext(builder.Options);
    }
}
