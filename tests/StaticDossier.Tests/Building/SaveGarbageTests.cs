using System.Runtime;
using StaticDossier.Building;

namespace StaticDossier.Tests.Building;

/// <summary>The collector's mode is the whole process's: these tests run alone, and each waits for the collection its
/// last build scheduled, so that no test's quiet moment falls inside another's no-GC region.</summary>
[CollectionDefinition(nameof(SaveGarbageTests), DisableParallelization = true)]
public sealed class SaveGarbageRunsAlone;

[Collection(nameof(SaveGarbageTests))]
public sealed class SaveGarbageTests
{
    // A serve session of an earlier test may still have its quiet moment's collection coming.
    public SaveGarbageTests() => Thread.Sleep(SaveGarbage.Settle * 2);

    [Fact]
    public void ASaveAllocatesWithoutACollectionAndTheNextCollectionComesWhileServeIsIdle()
    {
        var garbage = new SaveGarbage();
        try
        {
            // A save with nothing collected before it collects first, then runs without any collection.
            garbage.BuildStarting();
            Assert.Equal(1, garbage.Collections);
            var before = GC.CollectionCount(0);
            Allocate(256 << 20);
            Assert.Equal(before, GC.CollectionCount(0));

            // Once it is done, the runtime's own pace until the quiet moment after it, which collects and makes room.
            garbage.BuildDone();
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            Assert.True(SpinWait.SpinUntil(() => garbage.Collections == 2, TimeSpan.FromSeconds(10)));

            // The next save finds its room made: no collection of its own.
            garbage.BuildStarting();
            Assert.Equal(2, garbage.Collections);
            before = GC.CollectionCount(0);
            Allocate(256 << 20);
            Assert.Equal(before, GC.CollectionCount(0));
        }
        finally
        {
            Finish(garbage);
        }
    }

    [Fact]
    public void ASaveThatComesBeforeTheQuietMomentCollectsFirst()
    {
        var garbage = new SaveGarbage();
        try
        {
            garbage.BuildStarting();
            garbage.BuildDone();
            // Saved again at once: the quiet moment after the last build never comes, this build collects.
            garbage.BuildStarting();
            Assert.Equal(2, garbage.Collections);
            Thread.Sleep(SaveGarbage.Settle * 3);
            Assert.Equal(2, garbage.Collections);
        }
        finally
        {
            Finish(garbage);
        }
    }

    // Ends the last build and waits for the collection it schedules after the quiet moment.
    private static void Finish(SaveGarbage garbage)
    {
        var collections = garbage.Collections;
        garbage.BuildDone();
        Assert.True(SpinWait.SpinUntil(() => garbage.Collections > collections, TimeSpan.FromSeconds(10)));
    }

    private static void Allocate(int bytes)
    {
        // Small objects, as a build makes them; kept alive only by the one before.
        object? last = null;
        for (var made = 0; made < bytes; made += 1024)
        {
            last = new byte[1000];
        }

        GC.KeepAlive(last);
    }
}
