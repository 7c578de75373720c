using System.Diagnostics;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;

namespace StaticDossier.Benchmarks;

/// <summary><c>render [copies=100] [runs=3]</c>: the repository's content pages, each repeated
/// <c>copies</c> times under new slugs, rendered in memory and link-checked; prints the time of each run.</summary>
internal static class RenderHarness
{
    public static int Run(string[] args)
    {
        var copies = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100;
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var root = FindRoot();
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(Path.Combine(root, "site.yml"), diagnostics)!;
        var originals = new ContentPageReader(root).ReadAll(config.ContentPath, diagnostics);
        var pages = Enumerable.Range(0, copies)
            .SelectMany(i => originals.Select(p => p with { Meta = p.Meta with { Slug = $"{i}-{p.Slug}", Title = $"{p.Meta.Title} ({i})" } }))
            .ToList();
        Console.WriteLine($"render: {pages.Count} articles ({originals.Count} × {copies})");
        for (var run = 1; run <= runs; run++)
        {
            var bag = new DiagnosticBag();
            var clock = Stopwatch.StartNew();
            var files = new SiteRenderer(config).Render(pages, null, bag);
            var rendered = clock.Elapsed;
            if (files is null)
            {
                Console.Error.WriteLine(string.Join('\n', bag));
                return 1;
            }

            var links = LinkChecker.Check(files, bag);
            Console.WriteLine($"run {run}: render {rendered.TotalMilliseconds:F0} ms, link check {(clock.Elapsed - rendered).TotalMilliseconds:F0} ms " +
                $"({files.Count} files, {files.Sum(f => (long)f.Bytes.Length) / 1024} KiB, {links} links), errors: {bag.HasErrors}");
        }

        return 0;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StaticDossier.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (StaticDossier.sln).");
    }
}
