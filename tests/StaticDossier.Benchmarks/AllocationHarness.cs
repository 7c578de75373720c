using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using StaticDossier.Config;
using StaticDossier.Diagnostics;

namespace StaticDossier.Benchmarks;

/// <summary>Which types a full in-memory render allocates most of, from the runtime's allocation sampling (an event about
/// every 100 KB allocated, naming the type that crossed the line): where to look when GC and fresh memory dominate.</summary>
internal static class AllocationHarness
{
    public static int Run(string[] args)
    {
        var config = SiteConfigLoader.Load(args.Length > 0 ? args[0] : "site.yml", new DiagnosticBag())!;
        // Warm up once, so start-up allocations (templates, JIT) do not mix in.
        new SiteBuilder(config).RenderUnchecked(new DiagnosticBag());
        using var listener = new AllocationListener();
        var files = new SiteBuilder(config).RenderUnchecked(new DiagnosticBag())!;
        listener.Dispose();
        var total = listener.Bytes.Values.Sum();
        Console.WriteLine($"{files.Count} files; about {total >> 20} MiB allocated, by type:");
        foreach (var (type, bytes) in listener.Bytes.OrderByDescending(kv => kv.Value).Take(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 25))
        {
            Console.WriteLine($"{bytes >> 20,8} MiB {100.0 * bytes / total,5:F1} %  {type}");
        }

        return 0;
    }

    private sealed class AllocationListener : EventListener
    {
        public ConcurrentDictionary<string, long> Bytes { get; } = new(StringComparer.Ordinal);

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
            {
                return;
            }

            var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            Bytes.AddOrUpdate(type, amount, (_, b) => b + amount);
        }
    }
}
