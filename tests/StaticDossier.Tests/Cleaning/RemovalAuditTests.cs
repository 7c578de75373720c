using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Cleaning;

/// <summary>Ingest records what cleaning removed: a count in front matter, the detail in a sidecar a curator can read.</summary>
public sealed class RemovalAuditTests
{
    [Fact]
    public void IngestWritesEveryRemovedBlockBesideTheCount()
    {
        using var dossier = new TempDossier();
        new Ingestor(Dossier.Config(dossier)).Run(new DiagnosticBag());

        foreach (var page in Directory.GetFiles(dossier.Content, "*.md"))
        {
            var meta = ContentPageParser.Parse(page, File.ReadAllText(page), new DiagnosticBag())!.Meta;
            var audit = Path.Combine(dossier.Content, ".ingest", "removed", Path.GetFileNameWithoutExtension(meta.Seed!) + ".yml");
            var lines = File.ReadAllLines(audit);
            Assert.Contains("content: " + Path.GetFileName(page), lines);
            int Items(string section) => lines.SkipWhile(l => l != section + ":").Skip(1).TakeWhile(l => l.StartsWith('-') || l.StartsWith(' '))
                .Count(l => l.StartsWith("- line: ", StringComparison.Ordinal));
            Assert.Equal(meta.RemovedBlocks, Items("removed"));
            Assert.Equal(meta.Repairs ?? 0, Items("repaired"));
        }
    }

    [Fact]
    public void AuditNamesTheLineRoleAndReasonOfARemovedCredit()
    {
        using var dossier = new TempDossier();
        new Ingestor(Dossier.Config(dossier)).Run(new DiagnosticBag());
        var audit = File.ReadAllText(Path.Combine(dossier.Content, ".ingest", "removed", "003_18ddd6126595cc49.yml"));
        Assert.Contains("- line: 25\n  role: byline\n  rule: credit\n  reason: byline (Hải Minh)\n  text: Hải Minh\n", audit, StringComparison.Ordinal);
        Assert.Contains("- line: 3\n  role: date\n", audit, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditIsIdenticalOnASecondIngest()
    {
        using var dossier = new TempDossier();
        var config = Dossier.Config(dossier);
        new Ingestor(config).Run(new DiagnosticBag());
        var folder = Path.Combine(dossier.Content, ".ingest", "removed");
        var first = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        new Ingestor(config).Run(new DiagnosticBag());
        Assert.Equal(first, Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList());
    }
}

/// <summary>The audit is written through YamlDotNet's emitter, not its reflection serializer: the bytes must stay the
/// serializer's, for any text a seed may hold.</summary>
public sealed class RemovalAuditYamlTests
{
    private static readonly YamlDotNet.Serialization.ISerializer Serializer = new YamlDotNet.Serialization.SerializerBuilder()
        .WithNamingConvention(YamlDotNet.Serialization.NamingConventions.UnderscoredNamingConvention.Instance)
        .DisableAliases()
        .ConfigureDefaultValuesHandling(YamlDotNet.Serialization.DefaultValuesHandling.OmitNull)
        .Build();

    private static readonly string[] Awkward =
    [
        "", " ", "plain words", "key: value", "a #hash", "#start", "- dash", "? what", "[x]", "{y}", "'single'", "\"double\"",
        "true", "null", "~", "123", "0x1F", "1.5e3", ".inf", "yes", "on", "trailing ", " leading", "two\nlines", "tab\there",
        "Hải Minh – “quoted”", "emoji 😀", "back\\slash", "colon at end:", "@at", "`tick", "%percent", "&anchor", "*alias", "!tag",
        "|pipe", ">fold", "a: b: c", "line\r\nbreak", "\u0085next", "\u2028sep", "zero\0byte", new string('w', 300), "x,y", "many   spaces",
    ];

    [Fact]
    public void EmitterWritesWhatTheSerializerWrote()
    {
        var random = new Random(24);
        string Pick() => random.Next(4) == 0 ? Awkward[random.Next(Awkward.Length)] + Awkward[random.Next(Awkward.Length)] : Awkward[random.Next(Awkward.Length)];
        for (var round = 0; round < 400; round++)
        {
            var audit = RandomAudit(random, Pick, "seeds/", removedUpTo: 3);
            var expected = Serializer.Serialize(audit).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.Equal(expected, StaticDossier.Cleaning.RemovalAudit.Yaml(audit));
        }
    }

    /// <summary>An audit with every part present or not at random, its strings from <paramref name="pick"/>.</summary>
    private static StaticDossier.Cleaning.RemovalAudit.Audit RandomAudit(Random random, Func<string> pick, string seedPrefix, int removedUpTo) => new()
    {
        Seed = seedPrefix + pick(),
        Content = pick(),
        DateApprox = random.Next(3) == 0 ? new() { Value = pick(), Evidence = [.. Enumerable.Range(0, random.Next(3)).Select(_ => pick())] } : null,
        Kept = random.Next(-1, 200),
        Removed = [.. Enumerable.Range(0, random.Next(removedUpTo + 1)).Select(_ => new StaticDossier.Cleaning.RemovalAudit.Entry
        {
            Line = random.Next(1, 999), Role = pick(), Rule = pick(), Reason = pick(), Text = pick(),
        })],
        RepairsOff = random.Next(4) == 0 ? pick() : null,
        Repaired = random.Next(3) == 0 ? [.. Enumerable.Range(0, random.Next(3)).Select(_ => new StaticDossier.Cleaning.RemovalAudit.Repair
        {
            Line = random.Next(1, 99), Column = random.Next(1, 99), Rule = pick(), Printed = pick(), Now = pick(),
        })] : null,
        Flagged = random.Next(3) == 0 ? [.. Enumerable.Range(0, random.Next(3)).Select(_ => new StaticDossier.Cleaning.RemovalAudit.Suspect
        {
            Line = random.Next(1, 99), Column = random.Next(1, 99), Word = pick(), Maybe = pick(),
        })] : null,
    };

    // Characters a seed's line is made of, the indicators in every position among them; no line breaks, tabs, astral
    // characters or both quotes at once, so most audits are written without the emitter.
    private const string OneLine = "aZ09 .,;:!?#-'\"&*|>%@`[]{}()/\\~ảơ–“”©\u00A0\u2027\uE000\uFFFD";

    [Fact]
    public void AuditsOfOneLineTextsAreWrittenAsTheSerializerWrites()
    {
        var random = new Random(7);
        string Pick()
        {
            var chars = new char[random.Next(0, 7)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = OneLine[random.Next(OneLine.Length)];
            }

            var text = new string(chars);
            return random.Next(3) == 0 ? text.Replace("'", "", StringComparison.Ordinal) : text;
        }

        for (var round = 0; round < 3000; round++)
        {
            var audit = RandomAudit(random, Pick, "", removedUpTo: 2);
            var expected = Serializer.Serialize(audit).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.Equal(expected, StaticDossier.Cleaning.RemovalAudit.Yaml(audit));
        }
    }

    [Theory]
    [InlineData("plain words", " plain words")]
    [InlineData("", " ''")]
    [InlineData("key: value", " 'key: value'")]
    [InlineData("a #hash", " 'a #hash'")]
    [InlineData("a#b", " a#b")]
    [InlineData("- dash", " '- dash'")]
    [InlineData("-1", " -1")]
    [InlineData("trailing ", " 'trailing '")]
    [InlineData("Hải Minh – “quoted”", " Hải Minh – “quoted”")]
    [InlineData("it's", " it's")]
    public void WritesOneLineScalarsItIsSureOf(string value, string expected)
    {
        var output = new System.Text.StringBuilder();
        Assert.True(StaticDossier.Cleaning.BlockYaml.TryAppendScalar(output, value));
        Assert.Equal(expected, output.ToString());
    }

    [Theory]
    [InlineData("two\nlines")]
    [InlineData("tab\there")]
    [InlineData("'it's'")]
    [InlineData("emoji 😀")]
    [InlineData("\u2028sep")]
    public void LeavesOtherScalarsToTheEmitter(string value)
    {
        var output = new System.Text.StringBuilder();
        Assert.False(StaticDossier.Cleaning.BlockYaml.TryAppendScalar(output, value));
        Assert.Equal(0, output.Length);
    }
}
