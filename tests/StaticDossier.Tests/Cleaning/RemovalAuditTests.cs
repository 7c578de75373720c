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
