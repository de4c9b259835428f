namespace RedMvc.Testing;

/// <summary>Who someone is when they sign up: unique per call, so tests sharing one site never collide.</summary>
public sealed record Person(string Email, string Handle, string DisplayName)
{
    /// <summary>A new person: handle "{prefix}" and ten hex digits, email at example.test, and the given name or "Tester …".</summary>
    public static Person New(string? name = null, string prefix = "p")
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new Person($"{prefix}{id}@example.test", $"{prefix}{id}", name ?? $"Tester {id}");
    }
}
