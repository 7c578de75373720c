using System.Diagnostics;
using System.Globalization;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>The real <c>dossier</c> process, killed (SIGKILL) mid-ingest and mid-publish on a few hundred
/// seeds, leaves every content page and the site whole: each file old or new, never half.</summary>
public sealed class InterruptedRunTests
{
    private const int SeedCount = 400;

    [Fact]
    public void KilledRunsLeaveContentAndSiteWhole()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var originals = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        WriteSeeds(dossier, originals, revision: 1);
        var first = DossierProcess.Run(dossier.Root);
        Assert.True(first.Code == 0, first.Out + first.Err);
        var contentA = ContentSnapshot(dossier);
        var siteA = SiteWriterTests.Snapshot(dossier.Site);
        Assert.True(contentA.Count >= SeedCount, $"{contentA.Count} pages");

        // Every seed changes, so the next run rewrites every page and the whole site.
        WriteSeeds(dossier, originals, revision: 2);
        var states = new List<(string When, Dictionary<string, string> Content, Dictionary<string, string>? Site)>();
        var killedMidway = 0;
        foreach (var when in new[] { "first page rewritten", "site being staged", "after 1.5 s" })
        {
            var (killed, state) = RunAndKill(dossier, when, contentA);
            killedMidway += killed ? 1 : 0;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"'{when}': {(killed ? "killed" : "finished first")}; {state.Content.Count(kv => contentA.GetValueOrDefault(kv.Key) != kv.Value)} of {state.Content.Count} pages new; site {(state.Site is null ? "absent" : state.Site.SequenceEqual(siteA) ? "old" : "new")}");
            states.Add((when, state.Content, state.Site));
        }

        var last = DossierProcess.Run(dossier.Root);
        Assert.True(last.Code == 0, last.Out + last.Err);
        var contentB = ContentSnapshot(dossier);
        var siteB = SiteWriterTests.Snapshot(dossier.Site);
        Assert.NotEqual(siteA, siteB);
        Assert.True(killedMidway > 0, "every run finished before it could be killed; the corpus is too small for this machine");

        foreach (var (when, content, site) in states)
        {
            foreach (var (file, hash) in content)
            {
                Assert.True(contentA.GetValueOrDefault(file) == hash || contentB.GetValueOrDefault(file) == hash,
                    $"killed at '{when}': content/{file} is neither the old nor the new page");
            }

            Assert.True(site is null || site.SequenceEqual(siteA) || site.SequenceEqual(siteB) || Same(site, siteA) || Same(site, siteB),
                $"killed at '{when}': _site is neither the old site nor the new one");
        }

        // Staging and set-aside folders of killed runs are gone; the build cache (._site.cache) is meant to stay.
        Assert.DoesNotContain(Directory.EnumerateDirectories(dossier.Root, "._site.*"), d => !d.EndsWith("._site.cache", StringComparison.Ordinal));
    }

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.GetValueOrDefault(kv.Key) == kv.Value);

    private static (bool Killed, (Dictionary<string, string> Content, Dictionary<string, string>? Site) State) RunAndKill(
        TempDossier dossier, string when, Dictionary<string, string> contentA)
    {
        var info = DossierProcess.StartInfo(dossier.Root);
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var now = when switch
            {
                "first page rewritten" => Directory.EnumerateFiles(dossier.Content, "*.md").Any(f => contentA.GetValueOrDefault(Path.GetFileName(f)) != Hash(f)),
                "site being staged" => Directory.EnumerateDirectories(dossier.Root, "._site.staging-*").Any(),
                _ => clock.Elapsed > TimeSpan.FromSeconds(1.5),
            };
            if (now)
            {
                break;
            }

            Thread.Sleep(when == "site being staged" ? 1 : 10);
        }

        var killed = !process.HasExited;
        if (killed)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        return (killed, (ContentSnapshot(dossier), SiteState(dossier)));
    }

    /// <summary>The site as a reader would find it; a run killed between the two renames of the swap is
    /// repaired (SiteWriter.Recover, as the next build does) before it is compared.</summary>
    private static Dictionary<string, string>? SiteState(TempDossier dossier)
    {
        if (!Directory.Exists(dossier.Site))
        {
            SiteWriter.Recover(dossier.Site);
        }

        return Directory.Exists(dossier.Site) ? SiteWriterTests.Snapshot(dossier.Site) : null;
    }

    /// <summary>Every content page by file name, each of which must parse.</summary>
    private static Dictionary<string, string> ContentSnapshot(TempDossier dossier)
    {
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dossier.Content, "*.md"))
        {
            var diagnostics = new DiagnosticBag();
            Assert.True(ContentPageParser.Parse(file, File.ReadAllText(file), diagnostics) is not null, string.Join('\n', diagnostics));
            pages[Path.GetFileName(file)] = Hash(file);
        }

        return pages;
    }

    private static string Hash(string file)
    {
        try
        {
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        }
        catch (IOException)
        {
            return "unreadable";
        }
    }

    private static void WriteSeeds(TempDossier dossier, List<string> originals, int revision)
    {
        for (var i = 0; i < SeedCount; i++)
        {
            var original = originals[i % originals.Count];
            var body = original[(original.IndexOf('\n', StringComparison.Ordinal) + 1)..];
            var text = string.Create(CultureInfo.InvariantCulture,
                $"Report {i:0000} on Việt Nam, Russia and the war in Ukraine\n{body}\nRevision {revision} of this report was filed from Hà Nội with further detail on the talks.\n");
            dossier.Write($"seeds/{i:0000}.txt", text);
        }
    }
}
