using System.Diagnostics;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;

namespace StaticDossier.Benchmarks;

/// <summary><c>phases &lt;site.yml&gt;</c>: times each build stage on its own, to find the hot path.</summary>
internal static class PhasesHarness
{
    public static int Run(string[] args)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(args.Length > 0 ? args[0] : "site.yml", diagnostics)!;
        var clock = Stopwatch.StartNew();
        if (args.Length > 1 && args[1] == "incremental")
        {
            using var gcProbe = Environment.GetEnvironmentVariable("GC_PROBE") == "1" ? new GcProbe() : null;
            var summary = new SiteBuilder(config)
            {
                Cache = args.Length < 3 ? StaticDossier.Building.BuildCacheMode.Reuse : StaticDossier.Building.BuildCacheMode.Refresh,
                Progress = p =>
                {
                    if (p.Done <= 1)
                    {
                        Report("until " + p.Phase, clock, p.Done);
                    }
                },
            }.Build(diagnostics);
            Report("until end", clock, summary.Files);
            Console.WriteLine($"JIT: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms; GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, allocated {GC.GetTotalAllocatedBytes() >> 20} MiB");
            return 0;
        }

        var pages = new ContentPageReader(config.RootDirectory).ReadAll(config.ContentPath, diagnostics);
        Report("read+parse content", clock, pages.Count);

        var markdown = new MarkdownRenderer();
        var html = new RenderedMarkdown[pages.Count];
        Parallel.For(0, pages.Count, i => Markdig.Markdown.ToHtml(pages[i].MarkdownBody));
        Report("markdig only", clock, pages.Count);
        Parallel.For(0, pages.Count, i => html[i] = markdown.RenderBody(pages[i].MarkdownBody));
        Report("markdown html+text", clock, pages.Count);

        var full = new SiteBuilder(config).Render(diagnostics)!;
        Report("SiteBuilder.Render total", clock, full.Count);
        var cached = new SiteBuilder(config) { BodyRenderer = b => html[0] }.Render(diagnostics)!;
        Report("Render, bodies precomputed", clock, cached.Count);
        var fingerprint = StaticDossier.Building.BuildFingerprint.Compute(config);
        Report("fingerprint", clock, 1);
        LinkChecker.Check(full, diagnostics);
        Report("LinkChecker alone", clock, full.Count);
        var probe = Path.Combine(Path.GetTempPath(), "phases-probe-" + Environment.ProcessId);
        var written = SiteWriter.Write(probe, full)!; // no publishIf: always published
        Report("write, nothing to reuse", clock, written.Written);
        var state = new StaticDossier.Building.BuildState { Generator = StaticDossier.Building.BuildFingerprint.Generator, Outputs = written.Outputs };
        written = SiteWriter.Write(probe, full, state.Outputs)!;
        Report("write, all reused", clock, written.Unchanged);
        state.Save(Path.GetTempPath());
        Report("save build.json", clock, 1);
        var cache = StaticDossier.Building.MarkdownCache.Empty();
        foreach (var page in pages)
        {
            cache.Render(page.MarkdownBody);
        }

        Report("markdown cache fill (serial)", clock, pages.Count);
        cache.Save(probe + "-cache");
        Report("save markdown.bin", clock, 1);
        Directory.Delete(probe, true);
        Directory.Delete(probe + "-cache", true);
        var bytes = full.Sum(f => (long)f.Bytes.Length);
        Console.WriteLine($"output: {full.Count} files, {bytes / 1024 / 1024} MiB; {diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} errors");
        return 0;
    }

    private static TimeSpan _cpu;

    private static void Report(string what, Stopwatch clock, int count)
    {
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{what,-28} {clock.ElapsedMilliseconds,7} ms wall {(cpu - _cpu).TotalMilliseconds,7:0} ms CPU ({count} items)"));
        _cpu = cpu;
        clock.Restart();
    }
}
