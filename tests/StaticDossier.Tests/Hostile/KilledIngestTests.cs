using System.Diagnostics;
using System.Globalization;
using StaticDossier.Content;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>The real <c>dossier ingest</c>, killed (SIGKILL) while it writes new pages, then run again: every seed ends
/// with exactly one page, the killed run's pages are recognised as ingest's own (not kept as "curated" beside a
/// second copy), and no temporary file stays in content/.</summary>
public sealed class KilledIngestTests
{
    private const int SeedCount = 400;

    [Fact]
    public void AnIngestKilledWhileWritingIsFinishedByTheNextWithOnePagePerSeed()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var originals = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        for (var i = 0; i < SeedCount; i++)
        {
            var original = originals[i % originals.Count];
            dossier.Write($"seeds/{i:0000}.txt", string.Create(CultureInfo.InvariantCulture,
                $"Report {i:0000} on Việt Nam, Russia and the war in Ukraine\n{original[(original.IndexOf('\n', StringComparison.Ordinal) + 1)..]}\n"));
        }

        var killed = KillOnceAPageIsWritten(dossier);
        var pagesLeft = Directory.Exists(dossier.Content) ? Directory.GetFiles(dossier.Content, "*.md").Length : 0;
        TestContext.Current.TestOutputHelper?.WriteLine($"{(killed ? "killed" : "finished first")} with {pagesLeft} of {SeedCount} pages written");

        var (code, stdout, stderr) = DossierProcess.Run(dossier.Root, "ingest");
        Assert.True(code == 0, stdout + stderr);
        Assert.DoesNotContain("SD0211", stderr + stdout, StringComparison.Ordinal);
        Assert.Equal(SeedCount, Directory.GetFiles(dossier.Content, "*.md").Length);
        Assert.Equal(SeedCount, IngestManifest.Load(dossier.Content).Entries.Count);
        Assert.Empty(Directory.EnumerateFiles(dossier.Content, "*.tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }));
        Assert.False(File.Exists(Path.Combine(dossier.Content, ".ingest", "journal.json")));

        var again = DossierProcess.Run(dossier.Root, "ingest");
        Assert.Contains($"0 created, 0 updated, {SeedCount} unchanged", again.Out + again.Err, StringComparison.Ordinal);
    }

    private static bool KillOnceAPageIsWritten(TempDossier dossier)
    {
        using var process = Process.Start(DossierProcess.StartInfo(dossier.Root, "ingest"))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120)
               && !(Directory.Exists(dossier.Content) && Directory.EnumerateFiles(dossier.Content, "*.md").Any()))
        {
            Thread.Sleep(1);
        }

        var killed = !process.HasExited;
        if (killed)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        return killed;
    }
}
