using System.Runtime;

namespace StaticDossier.Building;

/// <summary>When <c>serve</c> collects garbage: between saves rather than during them. A save at 10,000 articles allocates
/// 130–260 MiB, most of it dead once the site is written; the server collector's gen0 budget is smaller, so a save used
/// to stop once or twice for a collection of what was still live in the middle of the build (gen0 40–100 ms, gen1
/// 140–230 ms, gen2 240 ms and more on a quiet machine, several times that under load), promoting the build's
/// temporaries towards the oldest generation. Instead, once a build is done and the browser has had its reload, the
/// last build's garbage is collected (an ephemeral collection, which the collector escalates to a full one when that
/// is due) and the next save then runs in a no-GC region (<see cref="GC.TryStartNoGCRegion(long, long, bool)"/>) of
/// <see cref="Room"/>: no collection unless it allocates more than that, when the runtime simply collects as usual.
/// A save that comes before the quiet moment collects first, as a build of its own would have.</summary>
internal sealed class SaveGarbage
{
    /// <summary>What one save may allocate without a collection: half as much again as a body, title or tags save allocates at
    /// 10,000 articles. A larger build (a template edited) ends the region and collects as usual.</summary>
    internal const long Room = 384L << 20;

    /// <summary>Of <see cref="Room"/>, what may go to the large-object heap.</summary>
    private const long LargeRoom = 96L << 20;

    /// <summary>How long after a build the collection waits: the browser's reload has fetched its page by then.</summary>
    internal static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);

    private readonly Lock _lock = new();
    private int _builds;
    private bool _ready;

    /// <summary>Collections this object made (for tests and timings).</summary>
    internal int Collections { get; private set; }

    /// <summary>A build begins: unless the quiet moment after the last one already collected, collect now; then reserve
    /// <see cref="Room"/> for this build.</summary>
    public void BuildStarting()
    {
        Interlocked.Increment(ref _builds);
        lock (_lock)
        {
            if (!_ready)
            {
                CollectAndReserve();
            }

            _ready = false;
        }
    }

    /// <summary>A build is done (published, failed or up to date): the region ends, and a collection follows
    /// <see cref="Settle"/> later unless another build has begun by then.</summary>
    public void BuildDone()
    {
        lock (_lock)
        {
            EndRegion();
        }

        var builds = Volatile.Read(ref _builds);
        _ = Task.Delay(Settle).ContinueWith(_ =>
        {
            lock (_lock)
            {
                if (Volatile.Read(ref _builds) == builds && !_ready)
                {
                    CollectAndReserve();
                    _ready = true;
                }
            }
        }, TaskScheduler.Default);
    }

    private void CollectAndReserve()
    {
        EndRegion();
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
        Collections++;
        try
        {
            // Just collected: the room is there without a collection of its own.
            GC.TryStartNoGCRegion(Room, LargeRoom, disallowFullBlockingGC: true);
        }
        catch (InvalidOperationException)
        {
            // Another region is in progress (a second server in the same process, as in tests): it serves this save too.
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than this collector can promise (a small workstation heap): the runtime's own pace, then.
        }
    }

    private static void EndRegion()
    {
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The region had already ended: the build allocated more than its room, and the runtime collected as usual.
        }
    }
}
