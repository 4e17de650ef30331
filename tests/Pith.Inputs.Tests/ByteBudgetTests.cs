using Xunit;

namespace Pith.Inputs.Tests;

public sealed class ByteBudgetTests
{
    [Fact]
    public async Task A_later_taker_waits_until_bytes_are_given_back()
    {
        var budget = new ByteBudget(100);
        budget.Take(ticket: 1, 80);
        var waiting = Task.Run(() => budget.Take(ticket: 2, 50));
        await Task.WhenAny(waiting, Task.Delay(50));
        Assert.False(waiting.IsCompleted, "the later ticket should wait while the budget is spent");
        budget.Give(ticket: 1, 80);
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void The_oldest_ticket_never_waits_even_beyond_the_budget()
    {
        // Tickets 2 and 3 hold the budget; ticket 1, older than both, must get its bytes or nothing would ever move on.
        var budget = new ByteBudget(100);
        budget.Take(ticket: 2, 60);
        budget.Take(ticket: 3, 40);
        budget.Take(ticket: 1, 1_000);
        budget.Give(ticket: 1, 1_000);
        budget.Give(ticket: 2, 60);
        budget.Give(ticket: 3, 40);
        budget.Take(ticket: 4, 100);
    }

    [Fact]
    public void A_document_larger_than_the_whole_budget_goes_through_alone()
    {
        var budget = new ByteBudget(100);
        budget.Take(ticket: 7, 16_000_000);
        budget.Give(ticket: 7, 16_000_000);
        budget.Take(ticket: 8, 100);
    }

    [Fact]
    public async Task Closing_releases_a_waiting_taker_with_a_cancellation()
    {
        var budget = new ByteBudget(100);
        budget.Take(ticket: 1, 100);
        var waiting = Task.Run(() => budget.Take(ticket: 2, 1));
        budget.Close();
        await Assert.ThrowsAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void TryTake_takes_only_what_it_can_have_without_waiting()
    {
        var budget = new ByteBudget(100);
        Assert.True(budget.TryTake(ticket: 2, 60));
        Assert.False(budget.TryTake(ticket: 3, 50));
        // Older than every holder: it never waits, so it never has to try.
        Assert.True(budget.TryTake(ticket: 1, 50));
        budget.Give(ticket: 1, 50);
        budget.Give(ticket: 2, 60);
        Assert.True(budget.TryTake(ticket: 3, 100));
    }
}
