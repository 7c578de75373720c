namespace StaticDossier.Rendering.Search;

/// <summary>What <c>serve</c> keeps of the search index it last wrote, so that a save re-serialises only the terms,
/// pairs and documents its change touches. Nothing here decides what is written: every entry is reused only when
/// everything it was made from is provably the same, so the output is byte for byte a fresh build's.
/// <para>A term's entry depends on the articles that have it (their ids, field counts, lengths and spellings), the
/// article count and the fields' average lengths. Articles are compared by their parse, which the index memo hands
/// out again (the same object) for an unchanged article: a term is made again when an article at one of the ids
/// whose parse changed has it (before or now), or when new averages change one of its rounded weights.</para></summary>
internal sealed class ShardMemo
{
    private SearchIndex.ParsedDocument[]? _documents;
    private double[]? _averages;
    private Term?[] _terms = [];

    /// <summary>One word's entry as last written: its bytes without the closing bracket, its rounded weights, the
    /// pieces of its pairs, and the whole entry for where its pairs were (<paramref name="At"/>; null when it has none).</summary>
    internal sealed record Term(byte[] Core, int[] Weights, List<(string Start, byte[] Members)> Pieces, PairShards? At, byte[] Value);

    /// <summary>Each term shard, pair shard and document as last written, with what it was made from.</summary>
    internal Dictionary<int, (byte[][] Values, OutputFile File)> TermShards { get; } = [];

    internal Dictionary<int, (byte[][] Members, OutputFile File)> PairShards { get; } = [];

    internal Dictionary<int, (DocumentKey Key, OutputFile File)> Documents { get; } = [];

    /// <summary>The facet files as last written, and the articles they were made from.</summary>
    internal (ArticleView[] Articles, OutputFile[] Files)? Facets { get; set; }

    /// <summary>The facets whose files the last build wrote again: for tests.</summary>
    internal List<string> FacetsMade { get; set; } = [];

    /// <summary>How many term entries the last build made (the rest it kept): for tests.</summary>
    internal int TermsMade { get; set; }

    /// <summary>The articles (by id) whose parse the last <see cref="Stale"/> found changed, and whether the field
    /// averages stayed: what an entry patched from its kept bytes needs to know.</summary>
    internal HashSet<int> Changed { get; } = [];

    /// <summary>For each article of <see cref="Changed"/>, the folded words its parse had in the last build: whether a
    /// term's list of articles stayed the same is then found per changed article rather than per posting.</summary>
    internal Dictionary<int, HashSet<int>> WordsBefore { get; } = [];

    internal bool SameAverages { get; private set; }

    /// <summary>How many entries the last build made by patching the kept ones: for tests.</summary>
    internal int TermsPatched { get; set; }

    /// <summary>How many terms' pair pieces the last build made (the rest it kept): for tests.</summary>
    internal int PairsMade { get; set; }

    /// <summary>How many terms' pair pieces the last build patched from the kept ones: for tests.</summary>
    internal int PairsPatched { get; set; }

    /// <summary>The last build's parse of each article, by id (while a build runs, until <see cref="Keep"/>).</summary>
    internal SearchIndex.ParsedDocument[]? LastDocuments => _documents;

    /// <summary>How many article documents the last build wrote again: for tests.</summary>
    internal int DocumentsMade { get; set; }

    /// <summary>What of a term must be made again.</summary>
    internal enum Staleness : byte
    {
        /// <summary>Nothing: its kept entry stands.</summary>
        None,

        /// <summary>Its postings (an article having it changed, or its rounded weights moved), while the words that
        /// follow it, article by article, are the same: its pair pieces stand.</summary>
        Postings,

        /// <summary>Its postings and its pairs.</summary>
        All,
    }

    /// <summary>What of each of <paramref name="index"/>'s terms must be made again (null: all of everything, as in a
    /// first build or after the article count changed).</summary>
    internal Staleness[]? Stale(SearchIndex index)
    {
        var documents = index.Documents;
        if (_documents is null || _documents.Length != documents.Length)
        {
            return null;
        }

        var words = new HashSet<int>();
        var followersChanged = new HashSet<int>();
        var changed = 0;
        Changed.Clear();
        WordsBefore.Clear();
        for (var d = 0; d < documents.Length; d++)
        {
            if (!ReferenceEquals(documents[d], _documents[d]))
            {
                Changed.Add(d);
                WordsBefore[d] = [.. _documents[d].Words];
                words.UnionWith(documents[d].Words);
                words.UnionWith(_documents[d].Words);
                FollowersChanged(_documents[d], documents[d], followersChanged);
                changed++;
            }
        }

        // When most articles moved (a date edit shifts every id between its old and new place), checking is no cheaper.
        if (changed > documents.Length / 4)
        {
            return null;
        }

        var sameAverages = SameAverages = index.Averages.AsSpan().SequenceEqual(_averages);
        var stale = new Staleness[index.Words.Length];
        Parallel.For(0, stale.Length, () => new int[64], (t, _, scratch) =>
        {
            var folded = index.FoldedOf(t);
            var known = folded < _terms.Length ? _terms[folded] : null;
            if (known is null || followersChanged.Contains(folded))
            {
                stale[t] = Staleness.All;
                return scratch;
            }

            if (words.Contains(folded))
            {
                stale[t] = Staleness.Postings;
                return scratch;
            }

            if (!sameAverages)
            {
                if (scratch.Length < known.Weights.Length)
                {
                    scratch = new int[Math.Max(known.Weights.Length, scratch.Length * 2)];
                }

                var weights = scratch.AsSpan(0, known.Weights.Length);
                index.Weights(t, weights);
                stale[t] = weights.SequenceEqual(known.Weights) ? Staleness.None : Staleness.Postings;
            }

            return scratch;
        }, _ => { });
        return stale;
    }

    /// <summary>Adds to <paramref name="words"/> each folded word whose followers differ between an article's parse
    /// before and now: the words a term's pairs list, article by article, are what its pair pieces are made of.</summary>
    private static void FollowersChanged(SearchIndex.ParsedDocument before, SearchIndex.ParsedDocument now, HashSet<int> words)
    {
        var old = Followers(before);
        foreach (var (word, followers) in Followers(now))
        {
            if (!old.Remove(word, out var was) || !was.SetEquals(followers))
            {
                words.Add(word);
            }
        }

        words.UnionWith(old.Keys);
    }

    private static Dictionary<int, HashSet<int>> Followers(SearchIndex.ParsedDocument document)
    {
        var followers = new Dictionary<int, HashSet<int>>(document.Words.Length);
        for (var w = 0; w < document.Words.Length; w++)
        {
            var set = new HashSet<int>();
            foreach (var occurrence in document.OccurrencesOf(w))
            {
                if (occurrence >> SearchIndex.ParsedDocument.FieldBits is var next and > 0)
                {
                    set.Add(document.Words[next - 1]);
                }
            }

            followers[document.Words[w]] = set;
        }

        return followers;
    }

    /// <summary>The kept entry of term <paramref name="term"/> (its folded word's).</summary>
    internal Term? Known(SearchIndex index, int term) => index.FoldedOf(term) is var folded && folded < _terms.Length ? _terms[folded] : null;

    /// <summary>Keeps this build's entries and what they were made from, for the next.</summary>
    internal void Keep(SearchIndex index, Term[] terms)
    {
        var size = 0;
        for (var t = 0; t < terms.Length; t++)
        {
            size = Math.Max(size, index.FoldedOf(t) + 1);
        }

        if (_terms.Length < size)
        {
            Array.Resize(ref _terms, Math.Max(size, _terms.Length * 2));
        }

        // Only this build's words keep an entry: a word no article has any more must not hand a later build the pieces
        // it had before (a patch starts from the last build's).
        Array.Clear(_terms);
        for (var t = 0; t < terms.Length; t++)
        {
            _terms[index.FoldedOf(t)] = terms[t];
        }

        _documents = index.Documents;
        _averages = [.. index.Averages];
    }

    /// <summary>Everything an article's <c>docs/ID.js</c> is made of.</summary>
    internal readonly record struct DocumentKey(string Title, string Url, string Language, string? Date, string? DateDisplay, string? DateApprox, string? DateApproxDisplay, string? Source, BodyText Text);
}
