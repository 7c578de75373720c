using System.Diagnostics;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;

namespace StaticDossier.Benchmarks;

/// <summary><c>link-scans &lt;site folder&gt;</c>: what the link check of a site written as it is rendered keeps in
/// memory (<see cref="SiteLinks"/>: every path, each page's ids and links) for a built site, read back from disk: bytes
/// still reachable after a full collection, links kept, then the check itself (wall and CPU); <c>whole</c> keeps each
/// page's scan as it comes instead, as the check did before it kept each distinct string once.</summary>
internal static class LinkScansHarness
{
    public static int Run(string[] args)
    {
        var site = Path.GetFullPath(args[0]);
        var files = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        if (args.Length > 1 && args[1] == "whole")
        {
            // As SiteLinks kept them before it kept each distinct string once: each page's scan whole.
            var start = GC.GetTotalMemory(forceFullCollection: true);
            var scans = new System.Collections.Concurrent.ConcurrentDictionary<string, ScannedPage>(StringComparer.Ordinal);
            Parallel.ForEach(files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)), f =>
            {
                var scan = HtmlLinkScanner.Scan(File.ReadAllBytes(Path.Combine(site, f)));
                scan.Links.TrimExcess();
                scan.Ids.TrimExcess();
                scans[f] = scan;
            });
            var whole = GC.GetTotalMemory(forceFullCollection: true) - start;
            Console.WriteLine($"scans kept whole: {whole >> 20} MiB, {scans.Values.Sum(s => s.Links.Count)} links");
            GC.KeepAlive(scans);
            return 0;
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var links = new SiteLinks();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(files, f => links.Add(new OutputFile(f, File.ReadAllBytes(Path.Combine(site, f)))));
        var scanned = clock.Elapsed;
        var scanCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var kept = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"{files.Count} files, {files.Count(f => f.EndsWith(".html", StringComparison.Ordinal))} pages: kept {kept >> 20} MiB " +
                          $"({(double)kept / files.Count:F0} bytes a file); scanned in {scanned.TotalMilliseconds:F0} ms wall, {scanCpu.TotalMilliseconds:F0} ms CPU");
        var diagnostics = new DiagnosticBag();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var checkedLinks = links.Check(diagnostics, p => File.ReadAllBytes(Path.Combine(site, p)));
        Console.WriteLine($"check: {checkedLinks} links, {diagnostics.Count} broken; {clock.Elapsed.TotalMilliseconds:F0} ms wall, " +
                          $"{(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU");
        GC.KeepAlive(links);
        return 0;
    }
}
