using System.Collections.Concurrent;
using StaticDossier.Ingesting;

namespace StaticDossier.Tests.Ingesting;

/// <summary>Cleaning on every core, decisions in seed order: results reach the second step in item order, however
/// the first step's times vary, with at most a window of them held, and every posted piece of work done.</summary>
public sealed class OrderedPipelineTests
{
    private static readonly ParallelOptions FourWorkers = new() { MaxDegreeOfParallelism = 4 };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(500, 1)]
    [InlineData(500, 8)]
    [InlineData(2000, 64)]
    public void ConsumesEveryResultInItemOrderWithinTheWindow(int count, int window)
    {
        var random = new ThreadLocal<Random>(() => new Random(Environment.CurrentManagedThreadId));
        var pipeline = new OrderedPipeline<int>(count, window, FourWorkers);
        var consumed = new List<int>();
        var inConsume = 0;
        var posted = new ConcurrentBag<int>();
        var worstAhead = 0;
        pipeline.Run(i =>
        {
            // How far past the item whose turn it is this one was taken: under the window. (The turn moves only after
            // its result is consumed, and this worker took the item after seeing that move.)
            InterlockedMax(ref worstAhead, i - consumed.Count);
            Thread.SpinWait(random.Value!.Next(0, 20_000));
            return i * 3;
        }, (i, result) =>
        {
            Assert.Equal(1, Interlocked.Increment(ref inConsume));
            Assert.Equal(i * 3, result);
            consumed.Add(i);
            pipeline.Post(() => posted.Add(i));
            Interlocked.Decrement(ref inConsume);
        });

        Assert.Equal(Enumerable.Range(0, count), consumed);
        Assert.Equal(Enumerable.Range(0, count), posted.Order());
        Assert.InRange(worstAhead, 0, window - 1);
    }

    [Fact]
    public void StopsAtTheFirstFailureAndThrowsItAsItWasThrown()
    {
        var pipeline = new OrderedPipeline<int>(10_000, 16, FourWorkers);
        var consumed = 0;
        var failure = Assert.Throws<IOException>(() => pipeline.Run(i => i == 100 ? throw new IOException("disk full") : i, (_, _) => consumed++));
        Assert.Equal("disk full", failure.Message);
        Assert.InRange(consumed, 0, 100);
    }

    [Fact]
    public void AFailingPieceOfPostedWorkStopsTheRun()
    {
        var pipeline = new OrderedPipeline<int>(10_000, 16, FourWorkers);
        var produced = 0;
        Assert.Throws<InvalidOperationException>(() => pipeline.Run(i => Interlocked.Increment(ref produced),
            (i, _) => pipeline.Post(() => { if (i == 50) { throw new InvalidOperationException(); } })));
        Assert.InRange(produced, 51, 1_000);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var now && now != seen)
        {
            seen = now;
        }
    }
}
