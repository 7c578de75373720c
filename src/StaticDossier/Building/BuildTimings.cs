using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace StaticDossier.Building;

/// <summary>Wall and process-CPU time per stage of a build, to find where a rebuild spends its time (issue 24). Off
/// unless the environment variable <c>DOSSIER_TIMINGS</c> is set (to anything but 0); then every build's summary carries
/// the breakdown, and <c>build</c> and <c>serve</c> print it. Stages that run side by side overlap: their CPU times
/// each count the whole process, so only the wall times of nested or concurrent stages compare.</summary>
internal static class BuildTimings
{
    private static readonly ConcurrentQueue<(int Order, string Stage, TimeSpan Wall, TimeSpan Cpu, Collections Gc)> Stages = new();
    private static readonly ConcurrentQueue<(int Order, string Text)> Notes = new();
    private static int _order;

    /// <summary>True when stages are timed.</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("DOSSIER_TIMINGS") is { Length: > 0 } v && v != "0";

    /// <summary>True when <c>DOSSIER_TIMINGS=serial</c>: outputs that run side by side run one after another instead, so
    /// each one's process CPU is its own (a build is slower so).</summary>
    public static bool Serial { get; } = Environment.GetEnvironmentVariable("DOSSIER_TIMINGS") == "serial";

    /// <summary>Times <paramref name="stage"/> until the scope is disposed; nothing when timings are off.</summary>
    public static Scope Time(string stage) => Enabled ? new Scope(stage, Interlocked.Increment(ref _order)) : default;

    /// <summary>Adds a line of counts under <paramref name="stage"/> (what a memo made again, and why); nothing when off.</summary>
    public static void Note(string stage, string text)
    {
        if (Enabled)
        {
            Notes.Enqueue((Interlocked.Increment(ref _order), stage + ": " + text));
        }
    }

    /// <summary>Runs <paramref name="work"/> as <paramref name="stage"/>.</summary>
    public static T Time<T>(string stage, Func<T> work)
    {
        using var _ = Time(stage);
        return work();
    }

    /// <summary>The stages timed since the last call, one per line in the order they started; null when off.</summary>
    public static string? Take()
    {
        if (!Enabled)
        {
            return null;
        }

        var taken = new List<(int Order, string Stage, TimeSpan Wall, TimeSpan Cpu, Collections Gc)>();
        while (Stages.TryDequeue(out var stage))
        {
            taken.Add(stage);
        }

        var lines = taken.Select(s => (s.Order, Line: string.Create(CultureInfo.InvariantCulture, $"{s.Stage,-34} {s.Wall.TotalMilliseconds,8:F0} {s.Cpu.TotalMilliseconds,8:F0}  {s.Gc}"))).ToList();
        while (Notes.TryDequeue(out var note))
        {
            lines.Add((note.Order, "  " + note.Text));
        }

        var text = new StringBuilder("timings (wall ms / process CPU ms  collections gen0/gen1/gen2, GC pause ms, MiB allocated):");
        foreach (var (_, line) in lines.OrderBy(l => l.Order))
        {
            text.Append("\n  ").Append(line);
        }

        return text.ToString();
    }

    /// <summary>One timed stage.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly string? _stage;
        private readonly int _order;
        private readonly long _started;
        private readonly TimeSpan _cpu;
        private readonly Collections _gc;

        internal Scope(string stage, int order)
        {
            (_stage, _order, _started, _cpu, _gc) = (stage, order, Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime, Collections.Now());
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (_stage is not null)
            {
                Stages.Enqueue((_order, _stage, Stopwatch.GetElapsedTime(_started), Environment.CpuUsage.TotalTime - _cpu, Collections.Now() - _gc));
            }
        }
    }

    /// <summary>The collector's counts while a stage ran (process-wide, so stages side by side share them): at 100,000
    /// articles a build's time follows its full collections and fresh memory.</summary>
    private readonly record struct Collections(int Gen0, int Gen1, int Gen2, TimeSpan Pause, long Allocated)
    {
        public static Collections Now() =>
            new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

        public static Collections operator -(Collections a, Collections b) =>
            new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Pause - b.Pause, a.Allocated - b.Allocated);

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Gen0,4}/{Gen1,3}/{Gen2,2} {Pause.TotalMilliseconds,7:F0} {Allocated >> 20,7}");
    }
}
