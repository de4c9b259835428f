namespace RedMvc.Workers.Images;

/// <summary>
/// The bytes of decoded pixels the process may hold at once, shared by every photo being processed:
/// a photo waits for its share instead of stacking on top of the others, so eight giants posted
/// together take turns rather than taking the site down. Turns are first come, first served, and a
/// photo bigger than the whole budget still runs, alone.
/// </summary>
public sealed class DecodeBudget
{
    // An object, not a Lock: waiting for a turn needs Monitor.Wait.
    private readonly object gate = new();
    private long inUse;
    private long nextTicket;
    private long serving;
    private int waiting;

    public DecodeBudget(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityBytes);
        CapacityBytes = capacityBytes;
    }

    public long CapacityBytes { get; }

    /// <summary>Nothing holds any of the budget and nobody waits: no photo is being decoded.</summary>
    public bool IsIdle
    {
        get
        {
            lock (gate) return inUse == 0 && waiting == 0;
        }
    }

    /// <summary>How many photos are waiting for their turn.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>
    /// One sixteenth of the memory the process may use (the machine's, or the container's limit),
    /// at most 256 MB: enough for a 50 MP photo alone or several phone photos together, and more
    /// would not be faster on a machine whose few cores are the real limit. docs/decisions/0025.
    /// </summary>
    public static long DefaultCapacityBytes(long availableMemoryBytes) =>
        Math.Clamp(availableMemoryBytes / 16, 64L * 1024 * 1024, 256L * 1024 * 1024);

    /// <summary>Blocks until the bytes fit (or nothing else holds any) and this caller is first in line.</summary>
    public Lease Acquire(long bytes)
    {
        var share = Math.Clamp(bytes, 0, CapacityBytes);
        lock (gate)
        {
            var ticket = nextTicket++;
            waiting++;
            while (ticket != serving || inUse + share > CapacityBytes) Monitor.Wait(gate);
            waiting--;
            serving++;
            inUse += share;
            // The next in line may fit beside this one.
            Monitor.PulseAll(gate);
        }
        return new Lease(this, share);
    }

    private void Release(long share)
    {
        lock (gate)
        {
            inUse -= share;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>A photo's share of the budget, given back when disposed.</summary>
    public sealed class Lease(DecodeBudget budget, long share) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) budget.Release(share);
        }
    }
}
