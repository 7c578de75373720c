using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace StaticDossier.Benchmarks;

/// <summary>Prints every GC (generation, reason, time) while a harness runs.</summary>
internal sealed class GcProbe : EventListener
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private DateTime _start;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is "GCStart_V2" && e.Payload is { } p)
        {
            _start = e.TimeStamp;
            Console.WriteLine($"{_clock.ElapsedMilliseconds,6} ms GC #{p[0]} gen{p[1]} reason {p[2]} type {p[3]}");
        }
        else if (e.EventName is "GCEnd_V1" && e.Payload is { } q)
        {
            Console.WriteLine($"{_clock.ElapsedMilliseconds,6} ms   end #{q[0]}, {(e.TimeStamp - _start).TotalMilliseconds:0.0} ms");
        }
        else if (e.EventName is "GCHeapStats_V2" && e.Payload is { } h)
        {
            Console.WriteLine($"{_clock.ElapsedMilliseconds,6} ms   gen0 {Convert.ToUInt64(h[0], System.Globalization.CultureInfo.InvariantCulture) >> 20} MB, gen1 {Convert.ToUInt64(h[2], System.Globalization.CultureInfo.InvariantCulture) >> 20} MB, gen2 {Convert.ToUInt64(h[4], System.Globalization.CultureInfo.InvariantCulture) >> 20} MB, loh {Convert.ToUInt64(h[6], System.Globalization.CultureInfo.InvariantCulture) >> 20} MB");
        }
    }
}
