using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace StaticDossier.Benchmarks;

/// <summary>Large-object-heap allocations by type, from the runtime's allocation sampling (an event about every 100 KB of
/// large objects, naming the type that crossed the line): large objects made on every save are what brings a long-lived
/// process's full collections.</summary>
internal sealed class LargeObjectTally : EventListener
{
    private ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    /// <summary>The tally since the last call, largest first, and the total; the tally starts again.</summary>
    public (long Total, List<(string Type, long Bytes)> Types) Take()
    {
        var taken = Interlocked.Exchange(ref _bytes, new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
        return (taken.Values.Sum(), [.. taken.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value))]);
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
        {
            return;
        }

        // AllocationKind: 0 small, 1 large, 2 pinned.
        if (Convert.ToInt32(e.Payload![e.PayloadNames.IndexOf("AllocationKind")], System.Globalization.CultureInfo.InvariantCulture) != 1)
        {
            return;
        }

        var type = e.Payload[e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(type, amount, (_, b) => b + amount);
    }
}
