using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Ingesting;

/// <summary>Ingest leaves unread the seeds whose files bear the stamps of their last read, in outlets none of whose
/// seeds changed: a run with nothing changed reads no seed, and every run ends as one that read them all would.</summary>
public sealed class UnreadSeedsTests
{
    // Stamps are trusted only for files left alone a while: the tests date their writes in the past, a minute apart.
    private static readonly DateTime Past = DateTime.UtcNow.AddDays(-1);

    // A sentence of prose that three of outlet a's seeds carry.
    private const string Refrain = "The harbour council said on Monday that the river province would spend its new budget on schools and on rice exports.";

    [Fact]
    public void NothingChangedReadsNoSeed()
    {
        using var dossier = Outlets(out var count);
        Assert.Equal(0, Ingest(dossier).NotRead);

        var second = Ingest(dossier);
        Assert.Equal(count, second.NotRead);
        Assert.Equal(count, second[IngestOutcome.Unchanged]);
    }

    [Fact]
    public void ASeedJustWrittenIsReadAgain()
    {
        using var dossier = Outlets(out var count);
        File.SetLastWriteTimeUtc(dossier.PathOf("seeds/a-0.txt"), DateTime.UtcNow);
        Ingest(dossier);

        // Its stamp was not trusted, and it shares lines with its outlet: the outlet is read, the other is not.
        var second = Ingest(dossier);
        Assert.Equal(count - 4, second.NotRead);
        Assert.Equal(count, second.NotCleaned);
    }

    [Fact]
    public void AChangedSeedIsReadWithItsOutletAlone()
    {
        using var dossier = Outlets(out var count);
        Ingest(dossier);
        Edit(dossier, "seeds/a-1.txt", 1, text => text + "\nA paragraph the reporter added later, long enough to be kept as body text of the article.\n");

        var second = Ingest(dossier);
        Assert.Equal(1, second[IngestOutcome.Updated]);
        Assert.Equal(count - 4, second.NotRead);
        Assert.Equal(count - 1, second.NotCleaned);
    }

    [Fact]
    public void ACuratorsEditToAnUnreadSeedsPageIsKept()
    {
        using var dossier = Outlets(out _);
        Ingest(dossier);
        var manifest = IngestManifest.Load(dossier.Content);
        var page = Path.Combine(dossier.Content, manifest.Entries["seeds/b-2.txt"].Content);
        File.AppendAllText(page, "\nA curator's note.\n");
        var edited = File.ReadAllText(page);

        var diagnostics = new DiagnosticBag();
        var report = new Ingestor(Dossier.Config(dossier)).Run(diagnostics);
        Assert.Equal(1, report[IngestOutcome.KeptCurated]);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.ContentCuratedKept);
        Assert.Equal(edited, File.ReadAllText(page));
    }

    [Fact]
    public void ASeedGoneMakesItsOutletsLinesCountAgain()
    {
        // The refrain is on three of a's seeds: boilerplate. With one gone it is on two, and is text again.
        using var dossier = Outlets(out _);
        Ingest(dossier);
        Assert.DoesNotContain(Refrain, AllPages(dossier), StringComparison.Ordinal);
        File.Delete(dossier.PathOf("seeds/a-0.txt"));
        File.Delete(dossier.PathOf("seeds/a-0.seed.yml"));

        Ingest(dossier);
        Assert.Contains(Refrain, AllPages(dossier), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void EveryRunEndsAsOneThatReadEverySeed(int seed)
    {
        // Two dossiers take the same edits; the second's files are always just written, so it reads every seed, as
        // ingest did before seeds were left unread. Content, manifest, audits, reports and diagnostics must agree.
        using var trusted = Outlets(out _);
        using var reading = Outlets(out _);
        var random = new Random(seed);
        var next = 100;
        for (var step = 0; step < 24; step++)
        {
            var edit = random.Next(7);
            var seeds = Directory.EnumerateFiles(trusted.PathOf("seeds"), "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            var name = "seeds/" + (seeds.Count > 0 ? seeds[random.Next(seeds.Count)] : "none.txt");
            var minute = step + 10;
            foreach (var dossier in new[] { trusted, reading })
            {
                switch (edit)
                {
                    case 0:
                        Edit(dossier, name, minute, text => text + $"\nA later paragraph number {step}, long enough to be kept as body text of this article.\n");
                        break;
                    case 1:
                        File.Delete(dossier.PathOf(name));
                        File.Delete(Path.ChangeExtension(dossier.PathOf(name), ".seed.yml"));
                        break;
                    case 2:
                        WriteSeed(dossier, $"{(step % 2 == 0 ? "a" : "b")}-{next}", step % 2 == 0 ? "alpha" : "beta", next, minute);
                        break;
                    case 3:
                        Edit(dossier, Path.ChangeExtension(name, ".seed.yml"), minute, text => text.Replace("alpha.example", "gamma.example", StringComparison.Ordinal)
                            .Replace("beta.example", "alpha.example", StringComparison.Ordinal));
                        break;
                    case 4:
                        File.SetLastWriteTimeUtc(dossier.PathOf(name), Past.AddMinutes(minute));
                        break;
                    case 5:
                        if (IngestManifest.Load(dossier.Content).Entries.GetValueOrDefault(name) is { } record
                            && File.Exists(Path.Combine(dossier.Content, record.Content)))
                        {
                            File.AppendAllText(Path.Combine(dossier.Content, record.Content), $"\nA curator's note {step}.\n");
                        }

                        break;
                    default:
                        Edit(dossier, name, minute, text => text.Replace(Refrain, "Nothing was said.", StringComparison.Ordinal));
                        break;
                }
            }

            next++;
            foreach (var file in Directory.EnumerateFiles(reading.PathOf("seeds")))
            {
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
            }

            var (trustedReport, trustedSaid) = IngestSaying(trusted);
            var (readingReport, readingSaid) = IngestSaying(reading);
            Assert.Equal(0, readingReport.NotRead);
            Assert.Equal(readingReport.ToString(), trustedReport.ToString().Replace($", {trustedReport.NotRead} of them not read", string.Empty, StringComparison.Ordinal));
            Assert.Equal(readingSaid, trustedSaid);
            Assert.Equal(Tree(reading.Content), Tree(trusted.Content));
        }
    }

    /// <summary>Two outlets of four seeds each (sidecars name their URLs), a seed of none, all written a day ago.</summary>
    private static TempDossier Outlets(out int count)
    {
        var dossier = new TempDossier(withSeeds: false);
        for (var i = 0; i < 4; i++)
        {
            WriteSeed(dossier, $"a-{i}", "alpha", i, 0, refrain: i < 3);
            WriteSeed(dossier, $"b-{i}", "beta", 10 + i, 0);
        }

        WriteSeed(dossier, "c-0", null, 20, 0);
        count = 9;
        return dossier;
    }

    private static void WriteSeed(TempDossier dossier, string name, string? outlet, int article, int minute, bool refrain = true)
    {
        var words = new[] { "ministers", "harbour", "agreement", "delegation", "rice", "exports", "talks", "river", "province", "council", "budget", "school" };
        var random = new Random(article);
        string Sentence() => string.Join(' ', Enumerable.Range(0, 14 + random.Next(8)).Select(_ => words[random.Next(words.Length)])) + ".";
        string Paragraph() => char.ToUpperInvariant(Sentence()[0]) + string.Join(' ', Enumerable.Range(0, 4).Select(_ => Sentence()))[1..];
        var lines = new List<string>
        {
            "Home | World | Business | Sports",
            "Subscribe to our newsletter",
            $"The council meets over article {article} and its budget",
            $"1{article % 10}/03/2024",
            Paragraph(),
            Paragraph(),
        };
        if (refrain && outlet == "alpha")
        {
            lines.Add(Refrain);
        }

        lines.Add(Paragraph());

        lines.Add("Share on Facebook");
        var seed = dossier.PathOf($"seeds/{name}.txt");
        dossier.Write($"seeds/{name}.txt", string.Join('\n', lines) + "\n");
        File.SetLastWriteTimeUtc(seed, Past.AddMinutes(minute));
        if (outlet is not null)
        {
            dossier.Write($"seeds/{name}.seed.yml", $"url: https://{outlet}.example/news/{article}\n");
            File.SetLastWriteTimeUtc(Path.ChangeExtension(seed, ".seed.yml"), Past.AddMinutes(minute));
        }
    }

    private static void Edit(TempDossier dossier, string relative, int minute, Func<string, string> change)
    {
        var path = dossier.PathOf(relative);
        if (File.Exists(path))
        {
            File.WriteAllText(path, change(File.ReadAllText(path)));
            File.SetLastWriteTimeUtc(path, Past.AddMinutes(minute));
        }
    }

    private static IngestReport Ingest(TempDossier dossier)
    {
        var diagnostics = new DiagnosticBag();
        var report = new Ingestor(Dossier.Config(dossier)).Run(diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        return report;
    }

    private static (IngestReport Report, string Said) IngestSaying(TempDossier dossier)
    {
        var diagnostics = new DiagnosticBag();
        var report = new Ingestor(Dossier.Config(dossier)).Run(diagnostics);
        return (report, string.Join('\n', diagnostics.Select(d => $"{d.Severity} {d.Code} {d.Location.Path}:{d.Location.Line} {d.Message}")));
    }

    private static string AllPages(TempDossier dossier) =>
        string.Concat(Directory.EnumerateFiles(dossier.Content, "*.md").Select(File.ReadAllText));

    private static SortedDictionary<string, string> Tree(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText, StringComparer.Ordinal), StringComparer.Ordinal);
}
