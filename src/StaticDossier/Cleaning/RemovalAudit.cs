using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StaticDossier.Cleaning;

/// <summary>The removal audit ingest writes beside the content (<c>content/.ingest/removed/SEED.yml</c>): every block
/// cleaning removed, with line, role, rule and reason, so a curator can check a decision and paste a block back.</summary>
public static class RemovalAudit
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .DisableAliases()
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    /// <summary>The audit file's name for a seed.</summary>
    public static string FileNameFor(CleanedDocument doc) => doc.Seed.Id + ".yml";

    /// <summary>The audit as YAML (deterministic).</summary>
    public static string Format(CleanedDocument doc, string contentFile)
    {
        var audit = new Audit
        {
            Seed = doc.Seed.Path,
            Content = contentFile,
            DateApprox = doc.Metadata.Date is null && doc.Metadata.DateApprox is { } approx
                ? new Inference { Value = approx.Value, Evidence = [.. approx.Evidence] }
                : null,
            Kept = doc.Decisions.Count - doc.RemovedCount,
            Removed = doc.Decisions.Where(d => !d.Kept).Select(d => new Entry
            {
                Line = d.Line,
                Role = d.Role,
                Rule = d.Rule,
                Reason = d.Reason,
                Text = d.Text,
            }).ToList(),
        };
        return "# What cleaning removed from this seed. To restore a block, paste its text into the content page:\n"
               + "# ingest never overwrites a page you edited. 'dossier explain " + doc.Seed.Path + "' shows every decision.\n"
               + Serializer.Serialize(audit).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private sealed class Audit
    {
        public string Seed { get; init; } = string.Empty;

        public string Content { get; init; } = string.Empty;

        /// <summary>The period inferred for a page with no stated date, and why.</summary>
        public Inference? DateApprox { get; init; }

        public int Kept { get; init; }

        public List<Entry> Removed { get; init; } = [];
    }

    private sealed class Inference
    {
        public string Value { get; init; } = string.Empty;

        public List<string> Evidence { get; init; } = [];
    }

    private sealed class Entry
    {
        public int Line { get; init; }

        public string Role { get; init; } = string.Empty;

        public string Rule { get; init; } = string.Empty;

        public string Reason { get; init; } = string.Empty;

        public string Text { get; init; } = string.Empty;
    }
}
