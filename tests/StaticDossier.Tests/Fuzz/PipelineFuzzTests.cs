using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using StaticDossier.Cleaning;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;
using StaticDossier.Seeds;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Fuzz;

/// <summary>Thousands of random and mutated seeds, content pages, templates and site.yml files (fixed RNG
/// seed): no stage ever throws; every failure is a diagnostic; whatever ingest writes, build can read.</summary>
public sealed class PipelineFuzzTests
{
    // FUZZ_SCALE=20 runs twenty times as many cases, for a deeper run by hand.
    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SCALE"), out var s) && s > 0 ? s : 1;
    private static readonly int SeedCases = 2500 * Scale;
    private static readonly int ContentCases = 10000 * Scale;
    private static readonly int TemplateCases = 400 * Scale;
    private static readonly int ConfigCases = 1500 * Scale;
    private static readonly int DossierCases = 12 * Scale;

    private static readonly MarkdownRenderer Markdown = new();
    private static readonly SeedCleaner Cleaner = new();

    [Fact]
    public void SeedsNeverCrashIngestAndAlwaysMakeReadablePages()
    {
        var failures = Run(SeedCases, kind: 1, (rng, i) =>
        {
            var bytes = FuzzInputs.Seed(rng);
            var seedKind = rng.Next(2) == 0 ? SeedKind.TextDump : SeedKind.Html;
            var diagnostics = new DiagnosticBag();
            var path = seedKind == SeedKind.Html ? "seeds/fuzz.html" : "seeds/fuzz.txt";
            var text = SeedDecoder.Decode(bytes, path, diagnostics, seedKind);
            if (text is null)
            {
                return diagnostics.HasErrors ? null : "seed refused without an error";
            }

            var seed = new SeedDocument(path, seedKind, text, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            var cleaned = Cleaner.Clean(seed, diagnostics);
            var page = ContentPageFactory.Format(cleaned);
            var read = new DiagnosticBag();
            var parsed = ContentPageParser.Parse("content/" + ContentPageFactory.FileNameFor(cleaned), page, read);
            if (parsed is null || read.HasErrors)
            {
                return $"ingest wrote a page build cannot read: {string.Join(" | ", read)}";
            }

            Markdown.Render(parsed.MarkdownBody, new SourceLocation(parsed.Path, parsed.BodyStartLine, 1), read);
            return read.HasErrors ? $"ingest wrote a page build cannot render: {string.Join(" | ", read)}" : null;
        });
        Assert.True(failures.Count == 0, Report(failures));
    }

    [Fact]
    public void ContentPagesNeverCrashTheReader()
    {
        var failures = Run(ContentCases, kind: 2, (rng, i) =>
        {
            var diagnostics = new DiagnosticBag();
            var page = ContentPageParser.Parse("content/fuzz.md", FuzzInputs.ContentPage(rng), diagnostics);
            if (page is null)
            {
                return diagnostics.HasErrors ? null : "page refused without an error";
            }

            if (Markdown.Render(page.MarkdownBody, new SourceLocation(page.Path, page.BodyStartLine, 1), diagnostics) is null && !diagnostics.HasErrors)
            {
                return "body refused without an error";
            }

            _ = SitePaths.Article(page.Slug);
            // What the reader accepts, the formatter writes back so that it reads the same.
            var again = ContentPageParser.Parse("content/fuzz.md", ContentPageFormatter.Format(page.Meta, page.MarkdownBody), new DiagnosticBag());
            return again is null || again.Meta != page.Meta && !SameMeta(again.Meta, page.Meta) ? "front matter did not survive a write and a read" : null;
        });
        Assert.True(failures.Count == 0, Report(failures));
    }

    [Fact]
    public void TemplatesNeverCrashTheBuild()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: \"A <b>title</b> {{ x }}\"\ndate: 2022-03-15\nsource: VNA\nurl: https://example.org/a\n---\n\nBody with [a link](https://example.org).\n");
        dossier.Write("content/b.md", "---\ntitle: B\n---\n\nUndated body.\n");
        var config = Dossier.Config(dossier);
        string[] names = ["article.sbn", "index.sbn", "base.sbn", "partials/_head.sbn"];
        var originals = names.ToDictionary(n => n, n => File.ReadAllText(dossier.PathOf("templates/" + n)));
        var failures = Run(TemplateCases, kind: 3, (rng, i) =>
        {
            var name = names[rng.Next(names.Length)];
            File.WriteAllBytes(dossier.PathOf("templates/" + name), FuzzInputs.Utf8(FuzzInputs.Mutate(rng, originals[name], scriban: true)));
            try
            {
                var diagnostics = new DiagnosticBag();
                var files = new SiteBuilder(config).Render(diagnostics);
                return files is null && !diagnostics.HasErrors ? "build failed without an error" : null;
            }
            finally
            {
                dossier.Write("templates/" + name, originals[name]);
            }
        }, parallel: false);
        Assert.True(failures.Count == 0, Report(failures));
    }

    [Fact]
    public void SiteYmlNeverCrashesTheLoader()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        var failures = Run(ConfigCases, kind: 4, (rng, i) =>
        {
            var path = dossier.PathOf($"site-{i}.yml");
            File.WriteAllBytes(path, FuzzInputs.Utf8(FuzzInputs.SiteYml(rng)));
            var diagnostics = new DiagnosticBag();
            var config = SiteConfigLoader.Load(path, diagnostics);
            if (config is null)
            {
                return diagnostics.HasErrors ? null : "config refused without an error";
            }

            _ = (config.ContentPath, config.SeedsPath, config.TemplatesPath, config.OutputPath);
            return null;
        });
        Assert.True(failures.Count == 0, Report(failures));
    }

    [Fact]
    public void WholeDossiersOfFuzzedFilesNeverCrash()
    {
        var failures = Run(DossierCases, kind: 5, (rng, i) =>
        {
            using var dossier = new TempDossier(withSeeds: false);
            Directory.CreateDirectory(dossier.Content);
            for (var n = 0; n < 8; n++)
            {
                File.WriteAllBytes(dossier.PathOf($"seeds/{n}{(rng.Next(2) == 0 ? ".txt" : ".html")}"), FuzzInputs.Seed(rng));
                if (rng.Next(3) == 0)
                {
                    File.WriteAllBytes(dossier.PathOf($"seeds/{n}.seed.yml"), FuzzInputs.Utf8(FuzzInputs.Sidecar(rng)));
                }

                File.WriteAllBytes(dossier.PathOf($"content/fuzz-{n}.md"), FuzzInputs.Utf8(FuzzInputs.ContentPage(rng)));
            }

            var diagnostics = new DiagnosticBag();
            var config = Dossier.Config(dossier);
            new Ingestor(config).Run(diagnostics);
            var built = new SiteBuilder(config).Build(diagnostics).Succeeded;
            return built || diagnostics.HasErrors ? null : "build failed without an error";
        }, parallel: false);
        Assert.True(failures.Count == 0, Report(failures));
    }

    private static bool SameMeta(FrontMatter a, FrontMatter b) =>
        a with { Tags = null, People = null } == b with { Tags = null, People = null }
        && (a.Tags ?? []).SequenceEqual(b.Tags ?? []) && (a.People ?? []).SequenceEqual(b.People ?? []);

    /// <summary>Runs <paramref name="cases"/> cases; a case fails by throwing or by returning a message.</summary>
    private static List<string> Run(int cases, int kind, Func<Random, int, string?> body, bool parallel = true)
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        void One(int i)
        {
            try
            {
                if (body(FuzzInputs.For(kind, i), i) is { } problem)
                {
                    failures.Add($"case {kind}/{i}: {problem}");
                }
            }
            catch (Exception ex)
            {
                var frame = new StackTrace(ex.InnerException ?? ex).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("StaticDossier", StringComparison.Ordinal) == true);
                failures.Add($"case {kind}/{i}: {ex.GetType().Name}: {ex.Message} at {frame?.GetMethod()?.DeclaringType?.Name}.{frame?.GetMethod()?.Name}");
            }
        }

        if (parallel)
        {
            Parallel.For(0, cases, One);
        }
        else
        {
            for (var i = 0; i < cases; i++)
            {
                One(i);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cases} cases of kind {kind} in {clock.ElapsedMilliseconds} ms; {failures.Count} failures"));
        return [.. failures.OrderBy(f => f, StringComparer.Ordinal)];
    }

    private static string Report(List<string> failures) =>
        $"{failures.Count} failing cases (rerun one with FuzzInputs.For(kind, index)):\n" + string.Join('\n', failures.Take(25));
}
