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
            // Made at the first repair: most kept blocks have none (a builder the size of each was 7 KB a seed).
            StringBuilder? sb = null;
            var at = 0;
            foreach (var f in words.Find(d.Text, english))
            {
                var original = d.Text.Substring(f.Index, f.Length);
                if (f.Rule is null)
                {
                    suspects.Add(new SuspectWord(d.Line, f.Index + 1, original, f.Split));
                    continue;
                }

                sb ??= new StringBuilder(d.Text.Length + 8);
                sb.Append(d.Text, at, f.Index - at).Append(f.Replacement);
                at = f.Index + f.Length;
                // A comma is recorded with the words it joined ("process,the" → "process, the"), found at the first.
                repairs.Add(f.Rule == RepairRules.SpaceAfterComma
                    ? new TextRepair(d.Line, f.Index - f.Split.IndexOf(',', StringComparison.Ordinal) + 1, f.Split, f.Split.Replace(",", ", ", StringComparison.Ordinal), f.Rule)
                    : new TextRepair(d.Line, f.Index + 1, original, f.Replacement, f.Rule));
            }

            if (sb is not null)
            {
                repaired[d] = sb.Append(d.Text, at, d.Text.Length - at).ToString();
            }
        }

        var dropped = TakeOutLedeTitle(doc, repaired, repairs);
        if (repairs.Count == 0 && suspects.Count == 0)
        {
            return doc;
        }

        var body = MarkdownText.BodyOf(doc.Decisions.Where(d => !ReferenceEquals(d, dropped)), d => repaired.GetValueOrDefault(d, d.Text));
        return doc with { MarkdownBody = body, Repairs = repairs, Suspects = suspects };
    }

    /// <summary>A title that is the lede's first sentence (a page with no headline) is not read twice: the sentence
    /// leaves the body; the dateline stays at the start of the text, before the rest of the lede or, when the lede was
    /// that one sentence, the next paragraph. Never when nothing else would be left. Returns a block left empty.</summary>
    private static BlockDecision? TakeOutLedeTitle(CleanedDocument doc, Dictionary<BlockDecision, string> repaired, List<TextRepair> repairs)
    {
        var kept = doc.Decisions.Where(d => d.Kept && d.Role != "heading").Take(2).ToList();
        if (kept.Count == 0)
        {
            return null;
        }

        var printed = Lede.Of(kept[0].Text);
        if (printed.Title.Length == 0 || printed.Title != doc.Title)
        {
            return null;
        }

        var lede = Lede.Of(repaired.GetValueOrDefault(kept[0], kept[0].Text));
        if (lede.Rest.Length == 0 && kept.Count < 2)
        {
            return null;
        }

        // Repairs inside the sentence went with it.
        var from = kept[0].Text.IndexOf(printed.FirstSentence, StringComparison.Ordinal);
        repairs.RemoveAll(r => r.Line == kept[0].Line && r.Column > from && r.Column <= from + printed.FirstSentence.Length);
        repairs.Insert(0, new TextRepair(kept[0].Line, from + 1, printed.FirstSentence, string.Empty, RepairRules.TitleFromLede));
        var dateline = lede.Dateline.Length > 0 ? lede.Dateline + " " : string.Empty;
        if (lede.Rest.Length > 0)
        {
            repaired[kept[0]] = dateline + lede.Rest;
            return null;
        }

        repaired[kept[1]] = dateline + repaired.GetValueOrDefault(kept[1], kept[1].Text);
        return kept[0];
    }
}
