using StaticDossier.Content;
using StaticDossier.Ingesting;

namespace StaticDossier.Tests.Ingesting;

/// <summary>The curation decision as a table: (manifest record, seed, page on disk, --force) → what ingest does.</summary>
public sealed class CurationTests
{
    private const string Seed = "a1";
    private const string NewSeed = "a2";
    private const string Wrote = "w1";   // what ingest wrote last time
    private const string Makes = "w2";   // what ingest makes now
    private const string Edited = "e1";  // a curator's version

    private static readonly IngestRecord Record = new("2024-05-01-vote.md", Seed, Wrote);

    /// <summary>name, record?, seed sha, generated (name, sha, text?), page at record (sha, text?)?, adoptable, force →
    /// outcome, write, name, move from, notice.</summary>
    private static readonly Dictionary<string, (CurationFacts Facts, CurationDecision Expected)> Table = new()
    {
        ["new seed: a page under a new name"] = (
            Facts(null, Seed, Generated(), null),
            new(IngestOutcome.Created, true, null, null, CurationNotice.None)),
        ["new seed whose page a killed run already wrote: adopted, not written twice"] = (
            Facts(null, Seed, Generated(), null, adoptable: "2024-05-01-vote.md"),
            new(IngestOutcome.Unchanged, false, "2024-05-01-vote.md", null, CurationNotice.None)),
        ["same text as on disk: nothing to do"] = (
            Facts(Record, Seed, Generated(sha: Wrote), Page(Wrote)),
            new(IngestOutcome.Unchanged, false, Record.Content, null, CurationNotice.None)),
        ["curator edited an otherwise unchanged seed's page: kept"] = (
            Facts(Record, Seed, Generated(), Page(Edited)),
            new(IngestOutcome.KeptCurated, false, Record.Content, null, CurationNotice.CuratorEdits)),
        ["seed changed under a curated page: kept, with a warning"] = (
            Facts(Record, NewSeed, Generated(), Page(Edited)),
            new(IngestOutcome.SeedChanged, false, Record.Content, null, CurationNotice.SeedChangedUnderEdits)),
        ["curated page with --force: overwritten in place"] = (
            Facts(Record, NewSeed, Generated(name: "2024-05-01-other.md"), Page(Edited), force: true),
            new(IngestOutcome.Updated, true, Record.Content, null, CurationNotice.None)),
        ["curator deleted the page: not recreated"] = (
            Facts(Record, Seed, Generated(), null),
            new(IngestOutcome.KeptCurated, false, Record.Content, null, CurationNotice.DeletedByCurator)),
        ["curator deleted the page, --force: recreated under its name"] = (
            Facts(Record, Seed, Generated(), null, force: true),
            new(IngestOutcome.Created, true, Record.Content, null, CurationNotice.None)),
        ["untouched page, seed changed: updated in place"] = (
            Facts(Record, NewSeed, Generated(), Page(Wrote)),
            new(IngestOutcome.Updated, true, Record.Content, null, CurationNotice.None)),
        ["untouched page whose title changed: moves to its new name"] = (
            Facts(Record, NewSeed, Generated(name: "2024-05-02-vote-count.md"), Page(Wrote)),
            new(IngestOutcome.Created, true, null, Record.Content, CurationNotice.None)),
        ["untouched page under its title's name with the seed's id (a clash): stays"] = (
            Facts(Record with { Content = "2024-05-01-vote-s1.md" }, NewSeed, Generated(), Page(Wrote)),
            new(IngestOutcome.Updated, true, "2024-05-01-vote-s1.md", null, CurationNotice.None)),
        ["untouched page under its numbered name (three copies): stays"] = (
            Facts(Record with { Content = "2024-05-01-vote-s1-3.md" }, NewSeed, Generated(), Page(Wrote)),
            new(IngestOutcome.Updated, true, "2024-05-01-vote-s1-3.md", null, CurationNotice.None)),
        ["cleaning found no text: the page with text is kept, not emptied"] = (
            Facts(Record, NewSeed, Generated(text: false), Page(Wrote)),
            new(IngestOutcome.KeptText, false, Record.Content, null, CurationNotice.KeptText)),
        ["cleaning found no text, even with --force: not emptied"] = (
            Facts(Record, NewSeed, Generated(text: false), Page(Edited), force: true),
            new(IngestOutcome.KeptText, false, Record.Content, null, CurationNotice.KeptText)),
        ["cleaning found no text and the page has none either: updated"] = (
            Facts(Record, NewSeed, Generated(text: false), Page(Wrote, text: false)),
            new(IngestOutcome.Updated, true, Record.Content, null, CurationNotice.None)),
        ["cleaning found no text, the page is curated: kept as curated (edits come first)"] = (
            Facts(Record, Seed, Generated(text: false), Page(Edited)),
            new(IngestOutcome.KeptCurated, false, Record.Content, null, CurationNotice.CuratorEdits)),
    };

    public static TheoryData<string> Cases() => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void DecidesAsTheTableSays(string name)
    {
        var (facts, expected) = Table[name];
        Assert.Equal(expected, Curation.Decide(facts));
    }

    [Fact]
    public void AMoveRecordsThePageAndAKeptPageDoesNot()
    {
        Assert.True(Curation.Decide(Facts(Record, NewSeed, Generated(name: "x.md"), Page(Wrote))).Records);
        Assert.False(Curation.Decide(Facts(Record, Seed, Generated(), Page(Edited))).Records);
    }

    [Fact]
    public void PageNamesNeverRepeatIgnoringCase()
    {
        var taken = PageNames.NewSet(["t.md", "T-CASE.md"]);
        var first = PageNames.Unique("t.md", "case", taken);
        taken.Add(first);
        var second = PageNames.Unique("t.md", "CASE", taken);
        taken.Add(second);
        var third = PageNames.Unique("t.md", "Case", taken);
        Assert.Equal(["t-case-2.md", "t-case-3.md", "t-case-4.md"], new[] { first, second, third });
        Assert.True(PageNames.IsNameFor("t-case-3.md", "t.md", "case"));
        Assert.False(PageNames.IsNameFor("t-case-03.md", "t.md", "case"));
        Assert.False(PageNames.IsNameFor("t-other.md", "t.md", "case"));
    }

    private static CurationFacts Facts(IngestRecord? record, string seedSha, GeneratedPage generated, PageOnDisk? atRecord, string? adoptable = null, bool force = false) =>
        new(record, "s1", seedSha, generated, atRecord, adoptable, force);

    private static GeneratedPage Generated(string name = "2024-05-01-vote.md", string sha = Makes, bool text = true) => new(name, sha, text);

    private static PageOnDisk Page(string sha, bool text = true) => new(sha, text);
}
