using RedMvc.Workers.Images;

namespace RedMvc.Workers.Tests.Images;

public class DecodeBudgetTests
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public async Task A_big_photo_waits_while_another_holds_so_much_that_both_would_not_fit()
    {
        var budget = new DecodeBudget(256 * Megabyte);
        var first = budget.Acquire(150 * Megabyte);
        var secondGotIn = false;

        var second = Task.Run(() =>
        {
            using (budget.Acquire(150 * Megabyte)) secondGotIn = true;
        });
        await WaitUntilAsync(() => budget.Waiting == 1 || Volatile.Read(ref secondGotIn));
        Assert.False(Volatile.Read(ref secondGotIn));

        first.Dispose();
        await second;
        Assert.True(secondGotIn);
        Assert.Equal(0, budget.Waiting);
    }

    [Fact]
    public async Task Photos_that_fit_together_are_processed_together()
    {
        var budget = new DecodeBudget(256 * Megabyte);
        using var first = budget.Acquire(100 * Megabyte);

        var second = Task.Run(() => budget.Acquire(100 * Megabyte).Dispose());

        await second;
        Assert.Equal(0, budget.Waiting);
    }

    [Fact]
    public void A_photo_bigger_than_the_whole_budget_still_runs_when_nothing_else_does()
    {
        var budget = new DecodeBudget(64 * Megabyte);

        using var giant = budget.Acquire(200 * Megabyte);

        Assert.Equal(0, budget.Waiting);
    }

    [Fact]
    public async Task Eight_giants_posted_at_once_take_turns_one_at_a_time()
    {
        var budget = new DecodeBudget(256 * Megabyte);
        int arrived = 0, holding = 0, finished = 0, mostAtOnce = 0;

        var giants = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            Interlocked.Increment(ref arrived);
            using (budget.Acquire(150 * Megabyte))
            {
                InterlockedMax(ref mostAtOnce, Interlocked.Increment(ref holding));
                // Hold on until every other giant is either waiting, holding too, or done: any overlap the budget allows shows.
                SpinWait.SpinUntil(() => Volatile.Read(ref arrived) == 8 && budget.Waiting + Volatile.Read(ref holding) + Volatile.Read(ref finished) == 8);
                Interlocked.Decrement(ref holding);
            }
            Interlocked.Increment(ref finished);
        }));
        await Task.WhenAll(giants);

        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task A_giant_waiting_its_turn_is_not_overtaken_by_small_photos_that_would_fit()
    {
        var budget = new DecodeBudget(256 * Megabyte);
        var small = budget.Acquire(50 * Megabyte);
        var order = new List<string>();

        var giant = Task.Run(() =>
        {
            using (budget.Acquire(300 * Megabyte)) lock (order) order.Add("giant");
        });
        await WaitUntilAsync(() => budget.Waiting == 1 || order.Count > 0);
        var later = Task.Run(() =>
        {
            using (budget.Acquire(10 * Megabyte)) lock (order) order.Add("small");
        });
        await WaitUntilAsync(() => budget.Waiting == 2 || order.Count > 0);

        small.Dispose();
        await Task.WhenAll(giant, later);
        Assert.Equal(["giant", "small"], order);
    }

    [Theory]
    [InlineData(512L * 1024 * 1024, 64L * 1024 * 1024)]
    [InlineData(2L * 1024 * 1024 * 1024, 128L * 1024 * 1024)]
    [InlineData(24L * 1024 * 1024 * 1024, 256L * 1024 * 1024)]
    public void The_default_is_a_sixteenth_of_the_memory_between_64_and_256_MB(long available, long expected) =>
        Assert.Equal(expected, DecodeBudget.DefaultCapacityBytes(available));

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>Polls a condition that another thread will make true; no time is asserted.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition()) await Task.Yield();
    }
}
