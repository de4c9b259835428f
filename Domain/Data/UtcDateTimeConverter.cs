using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RedMvc.Domain.Data;

/// <summary>Marks a stored time as UTC on the way in and out, without moving it (see AppDbContext.ConfigureConventions).</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
