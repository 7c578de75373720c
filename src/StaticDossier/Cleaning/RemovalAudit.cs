using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StaticDossier.Cleaning;

/// <summary>The removal audit ingest writes beside the content (<c>content/.ingest/removed/SEED.yml</c>): every block
/// cleaning removed, with line, role, rule and reason, so a curator can check a decision and paste a block back.</summary>
public static class RemovalAudit
{
    /// <summary>The audit file's name for a seed.</summary>
    public static string FileNameFor(CleanedDocument doc) => doc.Seed.Id + ".yml";

    /// <summary>The audit as YAML (deterministic).</summary>
    public static string Format(CleanedDocument doc, string contentFile)
    {
        var audit = AuditOf(doc, contentFile);
        var header = "# What cleaning removed from this seed, and what ingest repaired in the text it kept. To restore a block,\n"
                     + "# paste its text into the content page: ingest never overwrites a page you edited. To undo a repair, put\n"
                     + "# the printed words back in the page, or in the seed's .seed.yml list the word under keep_words (or set\n"
                     + "# repairs: false) and ingest again. 'dossier explain " + doc.Seed.Path + "' shows every decision.\n";
        // Written after the header in one builder, sized for the whole: no copy of the audit is made to join them.
        return Written(audit, header) ?? header + Emitted(audit);
    }

    private static Audit AuditOf(CleanedDocument doc, string contentFile) =>
        new()
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

    /// <summary>The audit as YAML, exactly as YamlDotNet's serializer writes it (underscored names, nulls left out, no
    /// aliases; <c>RemovalAuditTests</c> holds the two together): written directly when every string is one whose form
    /// <see cref="BlockYaml"/> is sure of, else through the emitter.</summary>
    internal static string Yaml(Audit audit) => Written(audit, string.Empty) ?? Emitted(audit);

    /// <summary>The audit as the emitter lays it out (two-space indents, sequences not indented under their key, an
    /// empty one as <c>[]</c>), or null when a string needs the emitter.</summary>
    private static string? Written(Audit audit, string header)
    {
        var s = new StringBuilder(header, header.Length + 256 + audit.Removed.Sum(e => 64 + e.Reason.Length + e.Text.Length));
        var ok = Field(s, "seed", audit.Seed) && Field(s, "content", audit.Content);
        if (audit.DateApprox is { } approx)
        {
            s.Append("date_approx:\n");
            ok &= Field(s, "  value", approx.Value);
            s.Append("  evidence:");
            if (approx.Evidence.Count == 0)
            {
                s.Append(" []");
            }

            s.Append('\n');
            foreach (var evidence in approx.Evidence)
            {
                s.Append("  -");
                ok &= BlockYaml.TryAppendScalar(s, evidence);
                s.Append('\n');
            }
        }

        ok &= Field(s, "kept", audit.Kept);
        ok &= List(s, "removed", audit.Removed, (s, entry) =>
            Field(s, "- line", entry.Line) && Field(s, "  role", entry.Role) && Field(s, "  rule", entry.Rule)
            && Field(s, "  reason", entry.Reason) && Field(s, "  text", entry.Text));
        if (audit.RepairsOff is { } off)
        {
            ok &= Field(s, "repairs_off", off);
        }

        if (audit.Repaired is { } repaired)
        {
            ok &= List(s, "repaired", repaired, (s, repair) =>
                Field(s, "- line", repair.Line) && Field(s, "  column", repair.Column) && Field(s, "  rule", repair.Rule)
                && Field(s, "  printed", repair.Printed) && Field(s, "  now", repair.Now));
        }

        if (audit.Flagged is { } flagged)
        {
            ok &= List(s, "flagged", flagged, (s, suspect) =>
                Field(s, "- line", suspect.Line) && Field(s, "  column", suspect.Column) && Field(s, "  word", suspect.Word)
                && Field(s, "  maybe", suspect.Maybe));
        }

        return ok ? s.ToString() : null;
    }

    private static bool Field(StringBuilder s, string key, string value)
    {
        s.Append(key).Append(':');
        var ok = BlockYaml.TryAppendScalar(s, value);
        s.Append('\n');
        return ok;
    }

    private static bool Field(StringBuilder s, string key, int value)
    {
        s.Append(key).Append(':');
        BlockYaml.AppendInt(s, value);
        s.Append('\n');
        return true;
    }

    // Stops at the first item the emitter must write: the whole audit is then made again through it.
    private static bool List<T>(StringBuilder s, string key, List<T> items, Func<StringBuilder, T, bool> item)
    {
        s.Append(key).Append(items.Count == 0 ? ": []\n" : ":\n");
        foreach (var value in items)
        {
            if (!item(s, value))
            {
                return false;
            }
        }

        return true;
    }

    private static string Emitted(Audit audit)
    {
        var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart());
        Field(emitter, "seed", audit.Seed);
        Field(emitter, "content", audit.Content);
        if (audit.DateApprox is { } approx)
        {
            Key(emitter, "date_approx");
            emitter.Emit(new MappingStart());
            Field(emitter, "value", approx.Value);
            Key(emitter, "evidence");
            List(emitter, approx.Evidence, (e, evidence) => Text(e, evidence));
            emitter.Emit(new MappingEnd());
        }

        Field(emitter, "kept", audit.Kept);
        Key(emitter, "removed");
        List(emitter, audit.Removed, (e, entry) =>
        {
            Field(e, "line", entry.Line);
            Field(e, "role", entry.Role);
            Field(e, "rule", entry.Rule);
            Field(e, "reason", entry.Reason);
            Field(e, "text", entry.Text);
        }, mapping: true);
        if (audit.RepairsOff is { } off)
        {
            Field(emitter, "repairs_off", off);
        }

        if (audit.Repaired is { } repaired)
        {
            Key(emitter, "repaired");
            List(emitter, repaired, (e, repair) =>
            {
                Field(e, "line", repair.Line);
                Field(e, "column", repair.Column);
                Field(e, "rule", repair.Rule);
                Field(e, "printed", repair.Printed);
                Field(e, "now", repair.Now);
            }, mapping: true);
        }

        if (audit.Flagged is { } flagged)
        {
            Key(emitter, "flagged");
            List(emitter, flagged, (e, suspect) =>
            {
                Field(e, "line", suspect.Line);
                Field(e, "column", suspect.Column);
                Field(e, "word", suspect.Word);
                Field(e, "maybe", suspect.Maybe);
            }, mapping: true);
        }

        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    // The events the serializer emits: strings tagged str, numbers int, both plain-implicit, style left to the emitter.
    private static readonly TagName Str = new("tag:yaml.org,2002:str");
    private static readonly TagName Int = new("tag:yaml.org,2002:int");

    private static void Key(Emitter emitter, string name) => Text(emitter, name);

    private static void Text(Emitter emitter, string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, Str, value, ScalarStyle.Any, true, false));

    private static void Field(Emitter emitter, string name, string value)
    {
        Key(emitter, name);
        Text(emitter, value);
    }

    private static void Field(Emitter emitter, string name, int value)
    {
        Key(emitter, name);
        emitter.Emit(new Scalar(AnchorName.Empty, Int, value.ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarStyle.Plain, true, false));
    }

    private static void List<T>(Emitter emitter, IEnumerable<T> items, Action<Emitter, T> item, bool mapping = false)
    {
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Any));
        foreach (var value in items)
        {
            if (mapping)
            {
                emitter.Emit(new MappingStart());
            }

            item(emitter, value);
            if (mapping)
            {
                emitter.Emit(new MappingEnd());
            }
        }

        emitter.Emit(new SequenceEnd());
    }

    /// <summary>The audit's fields, in the order written.</summary>
    internal sealed class Audit
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

    internal sealed class Repair
    {
        public int Line { get; init; }

        public int Column { get; init; }

        public string Rule { get; init; } = string.Empty;

        public string Printed { get; init; } = string.Empty;

        public string Now { get; init; } = string.Empty;
    }

    internal sealed class Suspect
    {
        public int Line { get; init; }

        public int Column { get; init; }

        public string Word { get; init; } = string.Empty;

        public string Maybe { get; init; } = string.Empty;
    }

    internal sealed class Inference
    {
        public string Value { get; init; } = string.Empty;

        public List<string> Evidence { get; init; } = [];
    }

    internal sealed class Entry
    {
        public int Line { get; init; }

        public string Role { get; init; } = string.Empty;

        public string Rule { get; init; } = string.Empty;

        public string Reason { get; init; } = string.Empty;

        public string Text { get; init; } = string.Empty;
    }
}
