using StaticDossier.Rendering.Incremental;

namespace StaticDossier.Tests.Rendering.Incremental;

/// <summary>A value a long-lived builder derives from one model object (an article's JSON-LD) is made once per object and
/// kind, found again by an equal kind string (each build makes its own), and one value wins when threads race.</summary>
public sealed class RenderMemoDerivedTests
{
    [Fact]
    public void AValueIsMadeOncePerObjectAndKind()
    {
        var memo = new RenderMemo();
        var (a, b) = (new object(), new object());
        var made = 0;
        string Make(object from, string setting) => $"{setting} {Interlocked.Increment(ref made)}";

        var first = memo.Derived(a, "json_ld x", "x", Make);
        Assert.Same(first, memo.Derived(a, "json_ld x", "x", Make));
        // The next build's kind: an equal string, not the same one.
        Assert.Same(first, memo.Derived(a, new string("json_ld x".AsSpan()), "x", Make));
        Assert.Equal(1, made);

        Assert.NotSame(first, memo.Derived(a, "json_ld y", "y", Make));
        Assert.NotSame(first, memo.Derived(b, "json_ld x", "x", Make));
        Assert.Same(first, memo.Derived(a, "json_ld x", "x", Make));
        Assert.Equal(3, made);
        Assert.Equal("x 1", memo.Derived<object, string>(a, "json_ld x", _ => "never"));
    }

    [Fact]
    public void RacingThreadsGetOneValue()
    {
        var memo = new RenderMemo();
        for (var round = 0; round < 20; round++)
        {
            // Every thread makes its value before any keeps one: the first kept is every thread's.
            var from = new object();
            using var together = new Barrier(4);
            var values = new object[4];
            var threads = Enumerable.Range(0, values.Length).Select(i => new Thread(() =>
                values[i] = memo.Derived(from, "kind", together, static (_, barrier) =>
                {
                    barrier.SignalAndWait();
                    return new object();
                }))).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.All(values, v => Assert.Same(values[0], v));
        }
    }
}
