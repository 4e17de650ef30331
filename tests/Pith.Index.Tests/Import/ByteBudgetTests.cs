using Pith.Index.Import;
using Xunit;

namespace Pith.Index.Tests.Import;

public class ByteBudgetTests
{
    [Fact]
    public async Task A_taker_waits_until_bytes_are_given_back()
    {
        var budget = new ByteBudget(100);
        budget.Take(80);
        var waiting = Task.Run(() => budget.Take(50));
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        budget.Give(80);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_input_larger_than_the_budget_takes_all_of_it_instead_of_waiting_for_ever()
    {
        var budget = new ByteBudget(100);
        await Task.Run(() => budget.Take(1_000)).WaitAsync(TimeSpan.FromSeconds(10));
        var next = Task.Run(() => budget.Take(1));
        await Task.Delay(100);
        Assert.False(next.IsCompleted);
        budget.Give(1_000);
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void TryTake_takes_what_is_there_and_never_waits()
    {
        var budget = new ByteBudget(100);
        Assert.True(budget.TryTake(60));
        Assert.False(budget.TryTake(50));
        Assert.True(budget.TryTake(40));
        Assert.False(budget.TryTake(1_000));
        budget.Give(100);
        Assert.True(budget.TryTake(1_000));
    }
}
