using System.Text;
using StaticDossier.Cleaning;
using StaticDossier.Content;

namespace StaticDossier.Repairing;

/// <summary>The step after cleaning: repairs, in the kept text, what ingest is sure a dump broke (run-together words,
/// a missing space after a comma), records each change and flags what it is not sure of. The block decisions keep
/// the text as printed, so cleaning's audit is unchanged and every repair can be undone from its record.</summary>
public sealed class TextRepairer
{
    private readonly IReadOnlyList<string> _nameWords;

    /// <summary>A repairer that knows the words of <paramref name="curatedNames"/> (site.yml people, tags and sources,
    /// with their aliases) as words, and as the first half of a split ("Sonaffirmed" → "Son affirmed").</summary>
    public TextRepairer(IEnumerable<string>? curatedNames = null) => _nameWords = NameWords(curatedNames ?? []);

    /// <summary>The words of curated names that take part in repairs: capitalised, two letters or more, diacritics
    /// folded as dumps often print them ("Bùi Thanh Sơn" → Bui, Thanh, Son).</summary>
    public static IReadOnlyList<string> NameWords(IEnumerable<string> names) =>
        [.. names.SelectMany(n => System.Text.RegularExpressions.Regex.Split(Slugger.Fold(n), "[^A-Za-z]+"))
            .Where(w => w.Length >= 2 && char.IsUpper(w[0]))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>Repairs <paramref name="doc"/>'s kept text (unless its sidecar says <c>repairs: false</c>).</summary>
    public CleanedDocument Repair(CleanedDocument doc)
    {
        if (doc.Seed.Sidecar?.Repairs == false)
        {
            return doc with { RepairsOff = "the seed's sidecar says 'repairs: false'" };
        }

        var words = new RunTogetherWords(_nameWords, doc.Seed.Sidecar?.KeepWords ?? []);
        var english = doc.Metadata.Language == "en";
        var repairs = new List<TextRepair>();
        var suspects = new List<SuspectWord>();
        var repaired = new Dictionary<BlockDecision, string>(ReferenceEqualityComparer.Instance);
        foreach (var d in doc.Decisions.Where(d => d.Kept))
        {
            var sb = new StringBuilder(d.Text.Length + 8);
            var at = 0;
            foreach (var f in words.Find(d.Text, english))
            {
                var original = d.Text.Substring(f.Index, f.Length);
                if (f.Rule is null)
                {
                    suspects.Add(new SuspectWord(d.Line, f.Index + 1, original, f.Split));
                    continue;
                }

                sb.Append(d.Text, at, f.Index - at).Append(f.Replacement);
                at = f.Index + f.Length;
                // A comma is recorded with the words it joined ("process,the" → "process, the"), found at the first.
                repairs.Add(f.Rule == RepairRules.SpaceAfterComma
                    ? new TextRepair(d.Line, f.Index - f.Split.IndexOf(',', StringComparison.Ordinal) + 1, f.Split, f.Split.Replace(",", ", ", StringComparison.Ordinal), f.Rule)
                    : new TextRepair(d.Line, f.Index + 1, original, f.Replacement, f.Rule));
            }

            if (at > 0)
            {
                repaired[d] = sb.Append(d.Text, at, d.Text.Length - at).ToString();
            }
        }

        if (repairs.Count == 0 && suspects.Count == 0)
        {
            return doc;
        }

        var body = MarkdownText.BodyOf(doc.Decisions, d => repaired.GetValueOrDefault(d, d.Text));
        return doc with { MarkdownBody = body, Repairs = repairs, Suspects = suspects };
    }
}
