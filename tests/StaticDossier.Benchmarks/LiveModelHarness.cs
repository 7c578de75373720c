using System.Diagnostics;
using StaticDossier.Analysis;
using StaticDossier.Building;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;

namespace StaticDossier.Benchmarks;

/// <summary><c>live-model &lt;site.yml&gt; [rounds] [site]</c>: the model of a live build (<c>serve</c>'s, with its memo) made
/// again after the edits <c>serve-edit</c> saves (a body, a title, tags) and after each is put back, in one process,
/// bodies rendered beforehand: the model's stages and what its memos made again, without a server (with <c>site</c>, every output too, rendered with serve's memo, and serve's link check). Run with
/// <c>DOSSIER_TIMINGS=serial</c> for each output's own CPU.
/// Run with <c>DOSSIER_TIMINGS=1</c> for the stages, with <c>LOH=1</c> for the large objects each build allocates.
/// <c>LIVE_MODEL_EDITS=none,body</c> chooses the saves of each round (<c>none</c>: nothing changed; default
/// <c>body,title,tags</c>, then the put back), to profile one kind alone; <c>LIVE_MODEL_ARTICLE=n</c> edits article n in
/// every round (a save crossing a step, repeated); <c>LIVE_MODEL_NOGC=1</c> runs each build in serve's no-GC region.</summary>
internal static class LiveModelHarness
{
    public static int Run(string[] args)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(args.Length > 0 ? args[0] : "site.yml", diagnostics)!;
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2;
        var pages = new ContentPageReader(config.RootDirectory).ReadAll(config.ContentPath, diagnostics).ToList();
        var markdown = new MarkdownRenderer();
        // Found by the very Markdown string, as serve's body cache finds an unchanged page's body: hashing every body's
        // text in each build would be the harness's cost, not serve's.
        var html = new System.Runtime.CompilerServices.ConditionalWeakTable<string, RenderedMarkdown>();
        Parallel.ForEach(pages, p => html.AddOrUpdate(p.MarkdownBody, markdown.RenderBody(p.MarkdownBody)));
        var text = Rendering.Interface.InterfaceText.Load(config, diagnostics)!;
        var site = args.Length > 2 && args[2] == "site";
        var memo = new Rendering.Incremental.RenderMemo();
        using var large = Environment.GetEnvironmentVariable("LOH") == "1" ? new LargeObjectTally() : null;
        RenderedMarkdown Body(string b) => html.GetValue(b, body => markdown.RenderBody(body));
        // LIVE_MODEL_NOGC=1: each build in serve's no-GC region, collected between builds as serve does (the stages
        // then show no collection a save in serve would not have).
        var garbage = Environment.GetEnvironmentVariable("LIVE_MODEL_NOGC") == "1" ? new SaveGarbage() : null;
        int Build(string what)
        {
            if (garbage is not null)
            {
                Thread.Sleep(SaveGarbage.Settle * 2);
                garbage.BuildStarting();
            }

            var cpu = Environment.CpuUsage.TotalTime;
            var clock = Stopwatch.StartNew();
            var model = 0;
            if (site)
            {
                memo.BeginBuild(config.TemplatesPath);
                var files = new SiteRenderer(config) { BodyRenderer = Body, Memo = memo }.Render(pages, null, diagnostics)!;
                BuildTimings.Time("link check", () => memo.Links.Check(files, diagnostics));
                if (large is null)
                {
                    BuildTimings.Time("link check, whole site (one-off build's, for comparison)", () => Publishing.LinkChecker.Check(files, new DiagnosticBag()));
                }
                memo.EndBuild(files.Select(f => f.OutputPath));
                model = files.Count;
            }
            else
            {
                model = new DossierModelBuilder(config, text, markdown, Body) { Memo = memo.Model }.Build(pages, diagnostics).Articles.Count;
            }

            garbage?.BuildDone();
            Console.WriteLine($"{what,-24} {clock.Elapsed.TotalMilliseconds,7:F0} ms wall {(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds,7:F0} ms CPU, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            if (BuildTimings.Take() is { } timings)
            {
                Console.WriteLine(timings);
            }

            if (large?.Take() is { } loh)
            {
                Console.WriteLine($"large objects: ~{loh.Total >> 20} MiB ({string.Join(", ", loh.Types.Take(8).Select(t => $"{t.Type} {t.Bytes >> 20} MiB"))})");
            }

            return model;
        }

        Build("first build");
        Build("nothing changed");
        for (var round = 0; round < rounds; round++)
        {
            var edited = Article ?? (pages.Count / 2) + (round * 97 % (pages.Count / 2));
            var original = pages[edited];
            foreach (var kind in Edits)
            {
                if (kind == "none")
                {
                    Build("nothing changed");
                    continue;
                }

                var marker = $"Edited{kind}{round}x{Environment.TickCount64 % 100000}";
                pages[edited] = kind switch
                {
                    "body" => pages[edited] with { MarkdownBody = pages[edited].MarkdownBody.TrimEnd() + $"\n\nA new paragraph, {marker}.\n" },
                    "title" => pages[edited] with { Meta = pages[edited].Meta with { Title = marker + " title" } },
                    _ => pages[edited] with { Meta = pages[edited].Meta with { Tags = [$"topic-{round % 50:00}", marker.ToLowerInvariant()] } },
                };
                Build($"{kind} edit of {edited}");
            }

            if (!ReferenceEquals(pages[edited], original))
            {
                pages[edited] = original;
                Build("put back");
            }
        }

        return diagnostics.HasErrors ? 1 : 0;
    }

    // LIVE_MODEL_ARTICLE=n edits article n in every round (to repeat one save, e.g. one crossing a step, for a profile).
    private static int? Article => int.TryParse(Environment.GetEnvironmentVariable("LIVE_MODEL_ARTICLE"), out var n) ? n : null;

    private static string[] Edits => Environment.GetEnvironmentVariable("LIVE_MODEL_EDITS") is { Length: > 0 } edits
        ? edits.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        : ["body", "title", "tags"];
}
