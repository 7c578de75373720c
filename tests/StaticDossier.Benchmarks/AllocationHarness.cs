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
        if (args.Length > 0 && args[0] == "cleaning")
        {
            return Cleaning(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 25);
        }

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

    // allocations cleaning SEEDS [TOP]: ingest's work on a folder of text dumps, in memory and on one thread (repeated
    // lines, cleaning, the page and its removal audit), by type.
    private static int Cleaning(string seeds, int top)
    {
        var docs = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => new StaticDossier.Seeds.SeedDocument("seeds/" + Path.GetFileName(f), StaticDossier.Seeds.SeedKind.TextDump, File.ReadAllText(f),
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))).ToList();
        var cleaner = new StaticDossier.Cleaning.SeedCleaner();
        void Once(int count)
        {
            var shared = StaticDossier.Cleaning.SeedCleaner.SharedLines(docs);
            foreach (var d in docs.Take(count))
            {
                var doc = cleaner.Clean(d, new DiagnosticBag(), shared.GetValueOrDefault(d.Path));
                _ = StaticDossier.Content.ContentPageFactory.Format(doc);
                _ = StaticDossier.Cleaning.RemovalAudit.Format(doc, "x.md");
            }
        }

        Once(Math.Min(200, docs.Count));
        // The fastest of three rounds, in this thread's CPU time: on a shared machine the least disturbed one.
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var cpu = ThreadCpu();
            Once(docs.Count);
            best = TimeSpan.FromTicks(Math.Min(best.Ticks, (ThreadCpu() - cpu).Ticks));
        }

        Console.WriteLine($"fastest of 3 rounds: {best.TotalMilliseconds:F0} ms of this thread's CPU ({best.TotalMicroseconds / docs.Count:F0} µs a seed)");
        using var listener = new AllocationListener();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Once(docs.Count);
        var exact = GC.GetAllocatedBytesForCurrentThread() - before;
        listener.Dispose();
        var total = listener.Bytes.Values.Sum();
        Console.WriteLine($"{docs.Count} seeds; {exact >> 20} MiB allocated ({exact / Math.Max(1, docs.Count)} bytes a seed), by type:");
        foreach (var (type, bytes) in listener.Bytes.OrderByDescending(kv => kv.Value).Take(top))
        {
            Console.WriteLine($"{bytes >> 20,8} MiB {100.0 * bytes / total,5:F1} %  {type}");
        }

        return 0;
    }

    // This thread's CPU time (user + system), from /proc: the repeated-line count runs on every core, the rest here.
    private static TimeSpan ThreadCpu()
    {
        var stat = File.ReadAllText($"/proc/self/task/{Gettid()}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "gettid")]
    private static extern int Gettid();

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
