using System.Diagnostics;
using StaticDossier.Analysis;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;
using StaticDossier.Rendering.Pages;

namespace StaticDossier.Benchmarks;

/// <summary><c>includes [site.yml] [rounds=5]</c>: renders every page that uses partials (articles, home, term
/// pages) with <see cref="RawIncludes"/> writing partials in place and with Scriban's own <c>include</c>, alternating
/// round by round so a drifting machine treats both alike; prints wall, CPU and bytes allocated per round and the
/// medians, and checks that both give the same bytes.</summary>
internal static class IncludesHarness
{
    public static int Run(string[] args)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(args.Length > 0 ? args[0] : "site.yml", diagnostics)!;
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var pages = new ContentPageReader(config.RootDirectory).ReadAll(config.ContentPath, diagnostics);
        var markdown = new MarkdownRenderer();
        var text = StaticDossier.Rendering.Interface.InterfaceText.Load(config, diagnostics)!;
        var dossier = new DossierModelBuilder(config, text, markdown, markdown.RenderBody).Build(pages, diagnostics);
        var outputs = new ISiteOutput[] { new ArticlePages(), new HomePage(), new TaxonomyPages() };
        var results = new Dictionary<bool, List<(double Wall, double Cpu, long Allocated)>> { [true] = [], [false] = [] };
        Dictionary<string, byte[]>? first = null;
        Console.WriteLine($"includes: {dossier.Articles.Count} articles, {rounds} rounds each way");
        for (var round = 0; round < rounds; round++)
        {
            foreach (var direct in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var templates = new TemplateRenderer(config.TemplatesPath, config.RelativeToRoot(config.TemplatesPath), direct);
                var context = new OutputContext(config, dossier, new PageRenderer(config, templates, dossier.Taxonomies, text), new RawHtml(""), diagnostics, text);
                var files = outputs.SelectMany(o => o.Render(context)).OfType<OutputFile>().ToDictionary(f => f.OutputPath, f => f.Bytes, StringComparer.Ordinal);
                var wall = clock.Elapsed.TotalMilliseconds;
                var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                results[direct].Add((wall, used, bytes));
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"round {round + 1} {(direct ? "RawIncludes" : "Scriban include"),-16} {wall,8:0} ms wall {used,8:0} ms CPU {bytes >> 20,7} MiB allocated ({files.Count} files)"));
                if (first is null)
                {
                    first = files;
                }
                else if (files.Count != first.Count || files.Any(f => !first.TryGetValue(f.Key, out var other) || !other.AsSpan().SequenceEqual(f.Value)))
                {
                    Console.Error.WriteLine("the two ways gave different pages");
                    return 1;
                }
            }
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        foreach (var direct in new[] { true, false })
        {
            var r = results[direct];
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"median {(direct ? "RawIncludes" : "Scriban include"),-16} {Median(r.Select(x => x.Wall)),8:0} ms wall {Median(r.Select(x => x.Cpu)),8:0} ms CPU {Median(r.Select(x => (double)x.Allocated)) / (1 << 20),7:0} MiB allocated"));
        }

        Console.WriteLine("pages identical both ways: yes");
        return diagnostics.HasErrors ? 1 : 0;
    }
}
