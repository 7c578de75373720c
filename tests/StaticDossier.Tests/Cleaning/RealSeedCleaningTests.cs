using StaticDossier.Cleaning;
using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Repairing;
using StaticDossier.Seeds;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Cleaning;

/// <summary>The five real seeds: every kept and every dropped block is pinned in
/// <c>TestFiles/cleaning/seeds/ID.expected.txt</c>, and the facts a reader relies on are asserted here by name.</summary>
public sealed class RealSeedCleaningTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, CleanedDocument>> Cleaned = new(() =>
    {
        var seeds = new SeedReader(RepoPaths.Root).ReadAll(RepoPaths.Seeds, new DiagnosticBag());
        // As ingest cleans them: with the dossier's events and curated names (repairs split words at those).
        var config = SiteConfigLoader.Load(RepoPaths.SiteYml, new DiagnosticBag())!;
        return SeedCleaner.For(config).CleanAll(seeds, new DiagnosticBag()).ToDictionary(c => c.Seed.Id[..3], StringComparer.Ordinal);
    });

    private static CleanedDocument Seed(string number) => Cleaned.Value[number];

    private static IEnumerable<string> Kept(string number) => Seed(number).Decisions.Where(d => d.Kept).Select(d => d.Text);

    public static TheoryData<string> SeedIds() => new(Directory.GetFiles(RepoPaths.Seeds, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void EveryBlockDecisionMatchesTheGoldenFile(string seedId)
    {
        var doc = Cleaned.Value[seedId[..3]];
        CleaningGolden.Verify(Path.Combine(CleaningGolden.Folder, "seeds", seedId + ".expected.txt"), CleaningGolden.Format(doc));
    }

    [Fact]
    public void TitlesAreTheHeadlines()
    {
        Assert.Equal("Russia asked to open humanitarian corridors for Vietnamese people in Ukraine", Seed("000").Title);
        Assert.Equal("Vietnamese, Russian foreign ministers hold phone talks on Ukraine situation", Seed("001").Title);
        Assert.Equal("Many Vietnamese Civil Society Groups Support Ukraine", Seed("002").Title);
        Assert.Equal("Việt Nam mong muốn môi trường quốc tế hòa bình, ổn định", Seed("003").Title);
    }

    [Fact]
    public void TitleOfADumpWithoutAHeadlineIsTheLedesFirstSentenceAndIsNotRepeated()
    {
        var doc = Seed("004");
        Assert.Equal("Prime Minister Phạm Minh Chính has called for stronger cooperation between Việt Nam and Russia in emergency response, "
                     + "including sharing experience in early warning, prevention of emergency situations, and search and rescue operations", doc.Title);
        // The sentence leaves the body; the dateline stays at the start of the text, now before the next paragraph.
        Assert.StartsWith("HÀ NỘI — At a reception in Hà Nội on Thursday for Russian Minister", doc.MarkdownBody, StringComparison.Ordinal);
        Assert.DoesNotContain("has called for stronger cooperation", doc.MarkdownBody, StringComparison.Ordinal);
        var repair = Assert.Single(doc.Repairs);
        Assert.Equal((1, RepairRules.TitleFromLede, string.Empty), (repair.Line, repair.Rule, repair.Replacement));
        Assert.StartsWith("Prime Minister Phạm Minh Chính", repair.Original, StringComparison.Ordinal);
    }

    [Fact]
    public void DatesComeFromWhatThePageStatesAndAreLeftOutWithoutAYear()
    {
        Assert.Null(Seed("000").Metadata.Date); // "Mar 15" has no year
        Assert.Null(Seed("001").Metadata.Date); // "March 15" has no year
        Assert.Null(Seed("002").Metadata.Date); // "Feb. 25, 2022" is a file photo's caption
        Assert.Equal(new DateOnly(2020, 5, 29), Seed("003").Metadata.Date);
        Assert.Equal(new DateOnly(2026, 3, 5), Seed("004").Metadata.Date);
    }

    [Fact]
    public void LanguageComesFromStopWordsNotDiacritics()
    {
        Assert.Equal("en", Seed("004").Metadata.Language);
        Assert.Equal("vi", Seed("003").Metadata.Language);
        Assert.Equal("en", Seed("000").Metadata.Language);
    }

    [Fact]
    public void SourceAndBylineBecomeMetadataAndLeaveTheBody()
    {
        Assert.Equal("chinhphu.vn", Seed("003").Metadata.Source);
        Assert.Equal("Hải Minh", Seed("003").Metadata.Byline);
        Assert.Equal("VNA/VNS", Seed("004").Metadata.Source);
        Assert.Equal("VNA", Seed("001").Metadata.Source);
        Assert.DoesNotContain("chinhphu.vn", Kept("003"));
        Assert.DoesNotContain("Hải Minh", Kept("003"));
        Assert.DoesNotContain(Kept("004"), t => t.Contains("VNA/VNS", StringComparison.Ordinal));
        Assert.DoesNotContain(Kept("004"), t => t.Contains("2026-03-05", StringComparison.Ordinal));
        Assert.DoesNotContain(Kept("003"), t => t.Contains("20:44", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOutletThatAsksForCommentInItsOwnNameIsTheSource()
    {
        // "VOA emailed the Russian diplomatic mission … seeking comments": the page names no source otherwise.
        Assert.Equal("VOA", Seed("002").Metadata.Source);
        Assert.Contains(Kept("002"), t => t.StartsWith("VOA emailed", StringComparison.Ordinal));
        // A photo credit names the agency whose photo it is, not the outlet: seed 000 stays without a source.
        Assert.Null(Seed("000").Metadata.Source);
    }

    [Fact]
    public void DatelinesAndOutletCodesStayAsTheOutletPrintedThemAtTheStartOfTheLede()
    {
        // One rule for all three: the lede keeps its dateline or code as printed, never split off as a token of its own.
        Assert.StartsWith("Hanoi (VNA) – Minister of Foreign Affairs", Kept("001").First(), StringComparison.Ordinal);
        Assert.StartsWith("DNTH: Việt Nam mong muốn", Kept("003").First(t => t.Contains("DNTH", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("HÀ NỘI — Prime Minister Phạm Minh Chính", Kept("004").First(), StringComparison.Ordinal);
        Assert.DoesNotContain(Kept("003").Concat(Kept("004")).Concat(Kept("001")), t => t is "DNTH:" or "DNTH" or "HÀ NỘI —" or "HÀ NỘI" or "Hanoi (VNA) –");
    }

    [Fact]
    public void TeasersAfterTheEndOfTheArticleAreDropped()
    {
        Assert.EndsWith("production, and business.", Kept("001").Last(), StringComparison.Ordinal);
        Assert.StartsWith("Nhân dịp này", Kept("003").Last(), StringComparison.Ordinal);
        Assert.StartsWith("Many Vietnamese people have settled", Kept("000").Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void CaptionsAndDuplicatedCaptionsAreDropped()
    {
        Assert.DoesNotContain(Kept("000"), t => t.Contains("Photos: VNA", StringComparison.Ordinal));
        Assert.DoesNotContain(Kept("002"), t => t.StartsWith("FILE", StringComparison.Ordinal));
        Assert.DoesNotContain(Kept("003"), t => t.Contains("Ảnh: VGP", StringComparison.Ordinal));
    }

    [Fact]
    public void AccessibilityLinksAndBreakingNewsAreNotTheArticle()
    {
        Assert.DoesNotContain("Accessibility links", Kept("002"));
        Assert.DoesNotContain("Breaking News", Kept("002"));
    }

    [Fact]
    public void EveryParagraphOfTheArticlesIsKept()
    {
        Assert.Equal(17, Kept("002").Count());
        Assert.Equal(14, Kept("004").Count());
        Assert.Equal(9, Kept("003").Count());
        Assert.Equal(11, Kept("000").Count());
        Assert.Equal(8, Kept("001").Count());
    }

    [Fact]
    public void Seed001sRunTogetherWordsAreRepairedEachWithItsRule()
    {
        (string, string, string)[] expected =
        [
            ("conflictin", "conflict in", RepairRules.FunctionWord),
            ("Sonaffirmed", "Son affirmed", RepairRules.CuratedName),
            ("internationaldisputes", "international disputes", RepairRules.LongHalves),
            ("compliancewith", "compliance with", RepairRules.FunctionWord),
            ("territorialintegrity", "territorial integrity", RepairRules.LongHalves),
            ("andcontinue", "and continue", RepairRules.FunctionWord),
            ("Vietnamis", "Vietnam is", RepairRules.FunctionWord),
            ("process,the", "process, the", RepairRules.SpaceAfterComma),
            ("Sonsuggested", "Son suggested", RepairRules.CuratedName),
            ("andtake", "and take", RepairRules.FunctionWord),
            ("inUkraine", "in Ukraine", RepairRules.CamelCase),
            ("Forhis", "For his", RepairRules.FunctionWord),
            ("stability,and", "stability, and", RepairRules.SpaceAfterComma),
            ("Regardingrecent", "Regarding recent", RepairRules.LongHalves),
            ("safeevacuation", "safe evacuation", RepairRules.LongHalves),
            ("Thetwo", "The two", RepairRules.FunctionWord),
        ];
        var doc = Seed("001");
        Assert.Equal(expected, doc.Repairs.Select(r => (r.Original, r.Replacement, r.Rule)));
        Assert.Empty(doc.Suspects);
        foreach (var (printed, now, _) in expected)
        {
            Assert.DoesNotContain(printed, doc.MarkdownBody, StringComparison.Ordinal);
            Assert.Contains(now, doc.MarkdownBody, StringComparison.Ordinal);
        }

        // "in line with" is printed "inline with": a word of the list, so it is not found (a known limit).
        Assert.Contains("which is inline with", doc.MarkdownBody, StringComparison.Ordinal);
        Assert.Equal(new TextRepair(4, 113, "conflictin", "conflict in", RepairRules.FunctionWord), doc.Repairs[0]);
    }

    [Fact]
    public void TheOtherSeedsAreNotRepairedAndOnlyACompoundIsFlagged()
    {
        Assert.Empty(Seed("000").Repairs);
        Assert.Equal("battlefront", Assert.Single(Seed("000").Suspects).Word);
        Assert.Contains("battlefront", Seed("000").MarkdownBody, StringComparison.Ordinal);
        foreach (var id in new[] { "002", "003", "004" })
        {
            Assert.DoesNotContain(Seed(id).Repairs, r => r.Rule != RepairRules.TitleFromLede);
            Assert.Empty(Seed(id).Suspects);
        }
    }
}
