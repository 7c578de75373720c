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
            RepairsOff = doc.RepairsOff,
            Repaired = doc.Repairs.Count == 0 ? null : doc.Repairs.Select(r => new Repair
            {
                Line = r.Line,
                Column = r.Column,
                Rule = r.Rule,
                Printed = r.Original,
                Now = r.Replacement,
            }).ToList(),
            Flagged = doc.Suspects.Count == 0 ? null : doc.Suspects.Select(w => new Suspect
            {
                Line = w.Line,
                Column = w.Column,
                Word = w.Word,
                Maybe = w.Split,
            }).ToList(),
        };
        return "# What cleaning removed from this seed, and what ingest repaired in the text it kept. To restore a block,\n"
               + "# paste its text into the content page: ingest never overwrites a page you edited. To undo a repair, put\n"
               + "# the printed words back in the page, or in the seed's .seed.yml list the word under keep_words (or set\n"
               + "# repairs: false) and ingest again. 'dossier explain " + doc.Seed.Path + "' shows every decision.\n"
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

        /// <summary>Why nothing was repaired, when a curator turned repairs off.</summary>
        public string? RepairsOff { get; init; }

        /// <summary>Each change made to the kept text: where (seed line, column in its block), why, before and after.</summary>
        public List<Repair>? Repaired { get; init; }

        /// <summary>Words that may be run together, left as printed (ingest warned about each).</summary>
        public List<Suspect>? Flagged { get; init; }
    }

    private sealed class Repair
    {
        public int Line { get; init; }

        public int Column { get; init; }

        public string Rule { get; init; } = string.Empty;

        public string Printed { get; init; } = string.Empty;

        public string Now { get; init; } = string.Empty;
    }

    private sealed class Suspect
    {
        public int Line { get; init; }

        public int Column { get; init; }

        public string Word { get; init; } = string.Empty;

        public string Maybe { get; init; } = string.Empty;
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
