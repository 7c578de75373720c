using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using StaticDossier.Analysis;

namespace StaticDossier.Rendering.Search;

/// <summary>The inverted index the search page reads: for each folded word, the articles that have it with a
/// BM25F weight and which spellings of the word each has; and for each pair of words that stand side by side
/// somewhere, the articles where they do (for phrases).
/// Document ids are positions in the timeline (newest first), so a lower id breaks a tie by date.
/// <para>Held as flat arrays of numbers (each article's words, positions and spellings; each term's postings as
/// document and word-in-document pairs), and written term by term: an object per posting, a list of positions per
/// posting and a set of spellings per word of every article were gigabytes at 100,000 articles, most of a build's
/// garbage at 10,000. Weights and spelling masks are computed as each term is written.</para></summary>
internal sealed partial class SearchIndex
{
    /// <summary>How many chunks of articles the index's passes split <paramref name="documents"/> into (two per core):
    /// every pass must split them alike, since each chunk's postings of a word follow the earlier chunks'.</summary>
    private static int Chunks(int documents) => Math.Max(1, Math.Min(documents, 2 * Environment.ProcessorCount));

    /// <summary>The first article of chunk <paramref name="chunk"/> of <paramref name="chunks"/> over <paramref name="documents"/>.</summary>
    private static int ChunkStart(int documents, int chunk, int chunks) => (int)((long)documents * chunk / chunks);

    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>Title, people, tags, source, body. Positions leave a gap between fields (and between names) so a
    /// phrase never runs from one into the next.</summary>
    private static readonly double[] FieldWeights = [5, 3, 3, 2, 1];
    private const int Fields = 5;
    private const int Gap = 2;
    private const int MaxSpellingBits = 30;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = Rendering.Data.Json.Compact.Encoder };

    private readonly ParsedDocument[] _documents;
    private readonly int[] _rank;
    private readonly int[] _foldedOf;
    private readonly double[] _averages;
    private readonly string[] _spellings;
    private readonly int[] _termStart;
    private readonly int[] _postingDocument;
    private readonly int[] _postingWord;
    private readonly int[] _postingCounts;
    private readonly int[] _postingSpelling;

    /// <summary>Each article's field lengths side by side (article-major): weighing a term reads one per posting, and
    /// from the articles' parses, scattered over a gigabyte at 100,000 articles, each was a cache miss.</summary>
    private readonly int[] _fieldLengths;

    private SearchIndex(string[] words, int[] rank, int[] foldedOf, ParsedDocument[] documents, double[] averages, string[] spellings, int[] termStart, int[] postingDocument, int[] postingWord, int[] postingCounts, int[] postingSpelling)
    {
        (Words, _rank, _foldedOf, _documents, _averages, _spellings, _termStart, _postingDocument, _postingWord, _postingCounts, _postingSpelling) =
            (words, rank, foldedOf, documents, averages, spellings, termStart, postingDocument, postingWord, postingCounts, postingSpelling);
        _fieldLengths = new int[documents.Length * Fields];
        for (var d = 0; d < documents.Length; d++)
        {
            documents[d].FieldLengths.CopyTo(_fieldLengths, d * Fields);
        }
    }

    /// <summary>Folded words in ordinal order; a term's number is its place here.</summary>
    public string[] Words { get; }

    /// <summary>How many articles.</summary>
    public int DocumentCount => _documents.Length;

    /// <summary>Each article's parse, by document id.</summary>
    internal ParsedDocument[] Documents => _documents;

    /// <summary>Each field's average length (to a quarter of a word), which every BM25 weight depends on.</summary>
    internal double[] Averages => _averages;

    /// <summary>The vocabulary's id of term <paramref name="term"/>'s folded word (stable across the builds of one memo).</summary>
    internal int FoldedOf(int term) => _foldedOf[term];

    /// <summary>Builds the index of <paramref name="model"/>'s articles: BM25F over five fields, the title weighted most.</summary>
    public static SearchIndex Build(DossierModel model) => Build(model, null);

    /// <summary>As <see cref="Build(DossierModel)"/>; an article whose fields are as in an earlier build of
    /// <paramref name="memo"/> is not parsed again.</summary>
    public static SearchIndex Build(DossierModel model, Memo? memo)
    {
        var articles = model.Articles;
        var vocabulary = memo?.Vocabulary ?? new Vocabulary();
        var documents = new ParsedDocument[articles.Count];
        // The very view the last build had at an id (the model memo hands an unchanged article's out again) has the parse
        // it had: no lookup by its text.
        var (views, parsed) = memo?.Last is { } kept && memo.Views is { } v && v.Length == kept._documents.Length ? (v, kept._documents) : ([], []);
        Parallel.For(0, articles.Count, i => documents[i] = memo is null ? Parse(articles[i], vocabulary)
            : i < views.Length && ReferenceEquals(views[i], articles[i]) ? parsed[i] : memo.Parse(articles[i]));

        var averages = AverageLengths(documents);
        if (memo is not null)
        {
            memo.Views = [.. articles];
        }

        if (memo?.Last is { } last && Splice(last, documents, averages, memo) is { } spliced)
        {
            Replace(memo, spliced);
            return spliced;
        }

        return Whole(documents, averages, vocabulary, memo);
    }

    /// <summary>Makes <paramref name="index"/> the memo's last index; the one it replaces is read no more once this build
    /// is done, so its posting arrays are the room of the build after next.</summary>
    private static void Replace(Memo memo, SearchIndex index)
    {
        if (memo.Last is { } replaced && !ReferenceEquals(replaced, index) && !ReferenceEquals(replaced._postingDocument, index._postingDocument))
        {
            memo.Spare = new Postings(replaced._postingDocument, replaced._postingWord, replaced._postingCounts, replaced._postingSpelling);
        }

        memo.Last = index;
    }

    /// <summary>The index of <paramref name="documents"/> made whole, as a build without a memo makes it (for tests of the
    /// splice).</summary>
    internal static SearchIndex Whole(ParsedDocument[] documents, Vocabulary vocabulary) => Whole(documents, AverageLengths(documents), vocabulary, null);

    private static SearchIndex Whole(ParsedDocument[] documents, double[] averages, Vocabulary vocabulary, Memo? memo)
    {
        // Terms in ordinal order of their folded word; each term's postings in document order, so the index is the same
        // whichever thread met a word first.
        // A vocabulary kept between builds may know words no article has any more: only words in use are terms. How many
        // articles have each word is kept for the next build's splice.
        // The articles in consecutive chunks, each counted and then placed on its own core: a chunk's postings of a word
        // go after the earlier chunks', so each term's postings come in article order as one pass over them all placed
        // them (on one core, the other waited through that pass).
        var folded = vocabulary.FoldedCount;
        var chunks = Chunks(documents.Length);
        int Bound(int chunk) => ChunkStart(documents.Length, chunk, chunks);
        var counts = new int[chunks][];
        Parallel.For(0, chunks, c =>
        {
            var count = new int[folded];
            for (var d = Bound(c); d < Bound(c + 1); d++)
            {
                foreach (var word in documents[d].Words)
                {
                    count[word]++;
                }
            }

            counts[c] = count;
        });

        var frequency = new int[folded];
        foreach (var count in counts)
        {
            for (var word = 0; word < folded; word++)
            {
                frequency[word] += count[word];
            }
        }

        var used = Array.ConvertAll(frequency, n => n > 0);
        var (words, rank, foldedOf) = vocabulary.SortedWords(used);
        var termStart = new int[words.Length + 1];
        for (var t = 0; t < words.Length; t++)
        {
            termStart[t + 1] = termStart[t] + frequency[foldedOf[t]];
        }

        // Each chunk's counts become where its next posting of each word goes.
        for (var t = 0; t < words.Length; t++)
        {
            var word = foldedOf[t];
            var at = termStart[t];
            foreach (var count in counts)
            {
                (count[word], at) = (at, at + count[word]);
            }
        }

        // A memo's index is spliced by the next builds, into these arrays two builds later: room to grow a little.
        var room = termStart[^1] + (memo is null ? 0 : termStart[^1] / 64);
        var postingDocument = new int[room];
        var postingWord = new int[room];
        // Each posting's field counts and spelling are copied beside it, read here article by article, so that writing
        // a term reads its postings in a row instead of every article's arrays in turn.
        var postingCounts = new int[room];
        var postingSpelling = new int[room];
        Parallel.For(0, chunks, c =>
        {
            var next = counts[c];
            for (var d = Bound(c); d < Bound(c + 1); d++)
            {
                var document = documents[d];
                var docWords = document.Words;
                // A one-off build reads them once: kept on the parse only for a memo's next build.
                var (packed, only) = memo is null ? document.MakePostingFields() : document.PostingFields();
                for (var w = 0; w < docWords.Length; w++)
                {
                    var at = next[docWords[w]]++;
                    postingDocument[at] = d;
                    postingWord[at] = w;
                    postingCounts[at] = packed[w];
                    postingSpelling[at] = only[w];
                }
            }
        });

        var index = new SearchIndex(words, rank, foldedOf, documents, averages, vocabulary.Spellings(), termStart, postingDocument, postingWord, postingCounts, postingSpelling);
        if (memo is not null)
        {
            Replace(memo, index);
            memo.Frequency = frequency;
        }

        return index;
    }

    /// <summary>Where this index differs from <paramref name="other"/> in its terms or postings; null when they are the
    /// same (for tests of the splice).</summary>
    internal string? Difference(SearchIndex other)
    {
        if (!Words.AsSpan().SequenceEqual(other.Words))
        {
            return "terms";
        }

        var n = _termStart[^1];
        return !_termStart.AsSpan().SequenceEqual(other._termStart) ? "term starts"
            : !_postingDocument.AsSpan(0, n).SequenceEqual(other._postingDocument.AsSpan(0, n)) ? "posting documents"
            : !_postingWord.AsSpan(0, n).SequenceEqual(other._postingWord.AsSpan(0, n)) ? "posting words"
            : !_postingCounts.AsSpan(0, n).SequenceEqual(other._postingCounts.AsSpan(0, n)) ? "posting counts"
            : !_postingSpelling.AsSpan(0, n).SequenceEqual(other._postingSpelling.AsSpan(0, n)) ? "posting spellings"
            : !_averages.AsSpan().SequenceEqual(other._averages) ? "averages"
            : null;
    }

    /// <summary>Each field's average length over <paramref name="documents"/>, to a quarter of a word: BM25 needs only a
    /// typical length, and so one article made longer or shorter leaves every other article's weights as they were (a
    /// save in serve then rechecks none of them).</summary>
    private static double[] AverageLengths(ParsedDocument[] documents)
    {
        var averages = new double[Fields];
        for (var f = 0; f < averages.Length; f++)
        {
            averages[f] = documents.Length == 0 ? 1 : Math.Max(1, Math.Round(documents.Average(d => (double)d.FieldLengths[f]) * 4) / 4);
        }

        return averages;
    }

    /// <summary>Term <paramref name="term"/>'s entry, <c>[[spellings],"postings"</c>, without its closing bracket (where
    /// its pairs are may follow: <see cref="PairShards"/>); and the weights written, one per posting, by which a later
    /// build tells whether new field averages changed the entry. The postings are <see cref="SearchDigits"/>: their
    /// count, then per article the gap from the last one, its weight and its spelling mask.</summary>
    public byte[] TermCore(int term, out int[] weights)
    {
        var (start, end) = (_termStart[term], _termStart[term + 1]);

        // Spellings by how many articles have them, most first, then in ordinal order; bit i for the first 30.
        var frequency = new Dictionary<int, int>();
        for (var p = start; p < end; p++)
        {
            foreach (var spelling in SpellingsOf(p))
            {
                frequency[spelling] = frequency.GetValueOrDefault(spelling) + 1;
            }
        }

        var spellings = frequency.OrderByDescending(kv => kv.Value).ThenBy(kv => _spellings[kv.Key], StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        var bit = new Dictionary<int, int>();
        for (var i = 0; i < Math.Min(MaxSpellingBits, spellings.Count); i++)
        {
            bit[spellings[i]] = 1 << i;
        }

        weights = new int[end - start];
        Weights(term, weights);
        var buffer = new ArrayBufferWriter<byte>(64 + (5 * weights.Length));
        WriteHead(buffer, spellings.Select(s => _spellings[s]), end - start);
        var last = 0;
        // A word mostly has one spelling: its bit, found once per spelling rather than once per posting.
        var single = spellings.Count == 1 ? bit[spellings[0]] : -1;
        for (var p = start; p < end; p++)
        {
            var mask = 0;
            if (single >= 0)
            {
                mask = single;
            }
            else
            {
                foreach (var spelling in SpellingsOf(p))
                {
                    mask += bit.GetValueOrDefault(spelling);
                }
            }

            SearchDigits.Write(buffer, _postingDocument[p] - last);
            SearchDigits.Write(buffer, weights[p - start]);
            SearchDigits.Write(buffer, mask);
            last = _postingDocument[p];
        }

        buffer.Write("\""u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An entry's beginning, <c>[[spellings],"count</c>: the postings follow.</summary>
    private static void WriteHead(ArrayBufferWriter<byte> output, IEnumerable<string> spellings, int count)
    {
        using (var w = new Utf8JsonWriter(output, JsonOptions))
        {
            w.WriteStartArray();
            w.WriteStartArray();
            foreach (var s in spellings)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
            // The entry's own bracket is left open: the writer is flushed, not finished.
            w.Flush();
        }

        output.Write(",\""u8);
        SearchDigits.Write(output, count);
    }

    /// <summary>Term <paramref name="term"/>'s BM25F weight in each article that has it, in posting order, as written
    /// (hundredths, at least 1).</summary>
    public void Weights(int term, Span<int> weights)
    {
        var (start, end) = (_termStart[term], _termStart[term + 1]);
        var count = end - start;
        var n = _documents.Length;
        var idf = Math.Log(1 + ((n - count + 0.5) / (count + 0.5)));
        Span<int> counts = stackalloc int[Fields];
        for (var p = start; p < end; p++)
        {
            Unpack(p, counts);
            var tf = TermFrequency(_postingDocument[p], counts);
            weights[p - start] = Rounded(idf, tf);
        }
    }

    private double TermFrequency(int document, ReadOnlySpan<int> counts)
    {
        var lengths = _fieldLengths.AsSpan(document * Fields, Fields);
        var tf = 0.0;
        for (var f = 0; f < Fields; f++)
        {
            // A field without the word adds exactly nothing.
            if (counts[f] != 0)
            {
                tf += FieldWeights[f] * counts[f] / (1 - B + (B * lengths[f] / _averages[f]));
            }
        }

        return tf;
    }

    private static int Rounded(double idf, double tf) => Math.Max(1, (int)Math.Round(idf * tf * (K1 + 1) / (K1 + tf) * 100));

    private ReadOnlySpan<int> SpellingsOf(int posting) => _postingSpelling[posting] >= 0
        ? new ReadOnlySpan<int>(in _postingSpelling[posting])
        : _documents[_postingDocument[posting]].SpellingsOf(_postingWord[posting]);

    /// <summary>A posting's count in each field, from its packed copy, or from its article when a count did not fit.</summary>
    private void Unpack(int posting, Span<int> counts)
    {
        var packed = _postingCounts[posting];
        if (packed < 0)
        {
            _documents[_postingDocument[posting]].CountsOf(_postingWord[posting], counts);
            return;
        }

        for (var f = 0; f < Fields - 1; f++)
        {
            counts[f] = (packed >> (ParsedDocument.BodyBits + (ParsedDocument.FieldCountBits * f))) & ((1 << ParsedDocument.FieldCountBits) - 1);
        }

        counts[Fields - 1] = packed & ((1 << ParsedDocument.BodyBits) - 1);
    }

    /// <summary>How many articles have term <paramref name="term"/>.</summary>
    public int PostingCount(int term) => _termStart[term + 1] - _termStart[term];

    /// <summary>What a long-lived builder (<c>serve</c>) keeps between builds: the vocabulary (words are numbered as first
    /// met, and only words in use become terms, so the index does not depend on it) and each article's parse, found by its
    /// plain text (the very object, kept by the body cache) and checked against its other fields.</summary>
    internal sealed class Memo
    {
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<BodyText, Tuple<string[], ParsedDocument>> _parsed = new();

        internal Vocabulary Vocabulary { get; } = new();

        /// <summary>The shards the last build wrote, so the next re-serialises only what its changes touch.</summary>
        internal ShardMemo Shards { get; } = new();

        /// <summary>The last build's index, which the next one splices when few articles changed.</summary>
        internal SearchIndex? Last { get; set; }

        /// <summary>The posting arrays of the index before <see cref="Last"/>, which no index in use holds: the next splice
        /// writes into them when they are large enough.</summary>
        internal Postings? Spare { get; set; }

        /// <summary>The articles of the last build's index, by id.</summary>
        internal ArticleView[]? Views { get; set; }

        /// <summary>How many of the last build's articles have each folded word (by vocabulary id).</summary>
        internal int[]? Frequency { get; set; }

        /// <summary>How many builds were spliced from the last one rather than made whole.</summary>
        internal int Spliced { get; set; }

        /// <summary>The size a word's pair pieces aim at (<see cref="PairShards.Pieces"/>), and pair shards too; smaller
        /// in tests, so that a small dossier's words span several pieces and shards.</summary>
        internal int PairPieceBytes { get; init; } = SearchIndexRenderer.ChunkBytes;

        internal ParsedDocument Parse(ArticleView article)
        {
            if (_parsed.TryGetValue(article.PlainText, out var known) && SameFields(known.Item1, article))
            {
                return known.Item2;
            }

            string[] fields = [article.Title, .. article.People.Select(p => p.Name), "\0", .. article.Tags.Select(t => t.Name), "\0", article.Source ?? "\0"];
            var document = SearchIndex.Parse(article, Vocabulary);
            _parsed.AddOrUpdate(article.PlainText, Tuple.Create(fields, document));
            return document;
        }

        /// <summary>Whether <paramref name="known"/> holds <paramref name="article"/>'s fields other than its text, as
        /// <see cref="Parse"/> lists them (compared in place: most articles of a save are unchanged).</summary>
        private static bool SameFields(string[] known, ArticleView article)
        {
            var (people, tags) = (article.People, article.Tags);
            if (known.Length != people.Count + tags.Count + 4 || !string.Equals(known[0], article.Title, StringComparison.Ordinal))
            {
                return false;
            }

            for (var i = 0; i < people.Count; i++)
            {
                if (!string.Equals(known[1 + i], people[i].Name, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            var at = people.Count + 1;
            if (known[at] != "\0")
            {
                return false;
            }

            for (var i = 0; i < tags.Count; i++)
            {
                if (!string.Equals(known[at + 1 + i], tags[i].Name, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return known[at + tags.Count + 1] == "\0" && string.Equals(known[^1], article.Source ?? "\0", StringComparison.Ordinal);
        }
    }

    private static ParsedDocument Parse(ArticleView article, Vocabulary vocabulary)
    {
        var scratch = Scratch.Value!;
        scratch.Clear();
        var fieldStarts = new int[Fields + 1];
        var lengths = new int[Fields];
        var position = 0;
        for (var f = 0; f < Fields; f++)
        {
            fieldStarts[f] = position;
            if (f == Fields - 1)
            {
                Body(article.PlainText.Bytes, vocabulary, scratch, ref position, ref lengths[f]);
                position += Gap;
                continue;
            }

            foreach (var text in FieldTexts(article, f))
            {
                AddWords(text.Normalize(NormalizationForm.FormC), vocabulary, scratch, ref position, ref lengths[f]);
                position += Gap;
            }
        }

        fieldStarts[Fields] = position;
        return scratch.ToDocument(fieldStarts, lengths);
    }

    /// <summary>The body's words, from its UTF-8 decoded into a pooled buffer: text already in normal form (nearly every
    /// body) is read there, with no string of its own (a dossier's text, once more, in garbage).</summary>
    private static void Body(ReadOnlySpan<byte> text, Vocabulary vocabulary, DocumentScratch scratch, ref int position, ref int length)
    {
        // UTF-8 never takes fewer bytes than UTF-16 takes characters.
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var decoded = chars.AsSpan(0, Encoding.UTF8.GetChars(text, chars));
            if (decoded.IsNormalized(NormalizationForm.FormC))
            {
                AddWords(decoded, vocabulary, scratch, ref position, ref length);
            }
            else
            {
                AddWords(decoded.ToString().Normalize(NormalizationForm.FormC), vocabulary, scratch, ref position, ref length);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static void AddWords(ReadOnlySpan<char> normal, Vocabulary vocabulary, DocumentScratch scratch, ref int position, ref int length)
    {
        var i = 0;
        while (i < normal.Length)
        {
            if (!SearchText.IsWordChar(normal, i))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < normal.Length && SearchText.IsWordChar(normal, i))
            {
                i += i + 1 < normal.Length && char.IsSurrogatePair(normal[i], normal[i + 1]) ? 2 : 1;
            }

            if (i - start <= SearchText.MaxWordLength)
            {
                var (spelling, folded) = vocabulary.Spelling(normal[start..i]);
                scratch.Add(spelling, folded, position++);
                length++;
            }
        }
    }

    private static IEnumerable<string> FieldTexts(ArticleView article, int field) => field switch
    {
        0 => [article.Title],
        1 => article.People.Select(p => p.Name),
        2 => article.Tags.Select(t => t.Name),
        _ => article.Source is null ? [] : [article.Source],
    };

    private static readonly ThreadLocal<DocumentScratch> Scratch = new(() => new DocumentScratch());

    /// <summary>One article's words: each distinct folded word in order of first use, its occurrences and its distinct
    /// spellings, as flat arrays. An occurrence is one number: its field in the low 3 bits, and above them the local word
    /// right after it plus one (0 when a gap or the end follows), which is all phrases and field counts need.</summary>
    internal sealed class ParsedDocument(int[] words, int[] occurrenceStart, int[] occurrences, int[] spellingStart, int[] spellings, int[] fieldLengths)
    {
        public const int FieldBits = 3;

        /// <summary>Folded word ids.</summary>
        public int[] Words { get; } = words;

        public int[] FieldLengths { get; } = fieldLengths;

        public ReadOnlySpan<int> SpellingsOf(int word) => spellings.AsSpan(spellingStart[word], spellingStart[word + 1] - spellingStart[word]);

        /// <summary>How often the word occurs in each field.</summary>
        public void CountsOf(int word, Span<int> counts)
        {
            counts.Clear();
            foreach (var occurrence in Occurrences(word))
            {
                counts[occurrence & ((1 << FieldBits) - 1)]++;
            }
        }

        /// <summary>Bits of a packed count for the body, and for each other field.</summary>
        public const int BodyBits = 15;
        public const int FieldCountBits = 4;

        /// <summary>The word's counts in the four short fields (4 bits each) above its body count (15 bits); -1 when one
        /// does not fit.</summary>
        public int PackedCounts(int word)
        {
            Span<int> counts = stackalloc int[Fields];
            CountsOf(word, counts);
            var packed = counts[Fields - 1];
            if (packed >= 1 << BodyBits)
            {
                return -1;
            }

            for (var f = 0; f < Fields - 1; f++)
            {
                if (counts[f] >= 1 << FieldCountBits)
                {
                    return -1;
                }

                packed |= counts[f] << (BodyBits + (FieldCountBits * f));
            }

            return packed;
        }

        private (int[] Packed, int[] Only)? _postingFields;

        /// <summary>Each word's <see cref="PackedCounts"/> and <see cref="OnlySpelling"/>, made once per parse: a
        /// long-lived builder keeps the parse of an unchanged article, and so builds its postings by copying.</summary>
        public (int[] Packed, int[] Only) PostingFields()
        {
            // Made alike by any thread that gets here first: whichever is kept, the values are the same.
            return _postingFields ??= MakePostingFields();
        }

        /// <summary>As <see cref="PostingFields"/>, made afresh and not kept.</summary>
        public (int[] Packed, int[] Only) MakePostingFields()
        {
            var (packed, only) = (new int[Words.Length], new int[Words.Length]);
            for (var w = 0; w < Words.Length; w++)
            {
                (packed[w], only[w]) = (PackedCounts(w), OnlySpelling(w));
            }

            return (packed, only);
        }

        /// <summary>The word's only spelling in this article; -1 when it has several.</summary>
        public int OnlySpelling(int word) => spellingStart[word + 1] - spellingStart[word] == 1 ? spellings[spellingStart[word]] : -1;

        /// <summary>The word's occurrences: each its field in the low bits, and above them the local word after it plus one.</summary>
        public ReadOnlySpan<int> OccurrencesOf(int word) => Occurrences(word);

        private ReadOnlySpan<int> Occurrences(int word) => occurrences.AsSpan(occurrenceStart[word], occurrenceStart[word + 1] - occurrenceStart[word]);
    }

    /// <summary>One thread's buffers for parsing an article: per word occurrence its local word and spelling.</summary>
    private sealed class DocumentScratch
    {
        private readonly Dictionary<int, int> _local = [];
        private readonly List<int> _words = [];
        private readonly List<int> _occurrenceWord = [];
        private readonly List<int> _occurrenceSpelling = [];
        private readonly List<int> _occurrencePosition = [];

        public void Clear()
        {
            _local.Clear();
            _words.Clear();
            _occurrenceWord.Clear();
            _occurrenceSpelling.Clear();
            _occurrencePosition.Clear();
        }

        public void Add(int spelling, int folded, int position)
        {
            if (!_local.TryGetValue(folded, out var local))
            {
                local = _words.Count;
                _local[folded] = local;
                _words.Add(folded);
            }

            _occurrenceWord.Add(local);
            _occurrenceSpelling.Add(spelling);
            _occurrencePosition.Add(position);
        }

        public ParsedDocument ToDocument(int[] fieldStarts, int[] lengths)
        {
            // Occurrences grouped by word (a counting sort keeps each word's in text order), each with its field and
            // the word at the next position.
            var words = _words.Count;
            var positionStart = new int[words + 1];
            foreach (var word in _occurrenceWord)
            {
                positionStart[word + 1]++;
            }

            for (var w = 0; w < words; w++)
            {
                positionStart[w + 1] += positionStart[w];
            }

            var occurrences = new int[_occurrenceWord.Count];
            var spellingsByOccurrence = new int[_occurrenceWord.Count];
            var next = positionStart[..^1];
            var field = 0;
            for (var o = 0; o < _occurrenceWord.Count; o++)
            {
                var position = _occurrencePosition[o];
                while (position >= fieldStarts[field + 1])
                {
                    field++;
                }

                var follows = o + 1 < _occurrenceWord.Count && _occurrencePosition[o + 1] == position + 1 ? _occurrenceWord[o + 1] + 1 : 0;
                var at = next[_occurrenceWord[o]]++;
                occurrences[at] = (follows << ParsedDocument.FieldBits) | field;
                spellingsByOccurrence[at] = _occurrenceSpelling[o];
            }

            // Each word's distinct spellings (a word mostly has one).
            var spellingStart = new int[words + 1];
            var spellings = new List<int>(words + 4);
            for (var w = 0; w < words; w++)
            {
                var from = spellings.Count;
                for (var at = positionStart[w]; at < positionStart[w + 1]; at++)
                {
                    var spelling = spellingsByOccurrence[at];
                    var seen = false;
                    for (var k = from; k < spellings.Count && !seen; k++)
                    {
                        seen = spellings[k] == spelling;
                    }

                    if (!seen)
                    {
                        spellings.Add(spelling);
                    }
                }

                spellingStart[w + 1] = spellings.Count;
            }

            return new ParsedDocument([.. _words], positionStart, occurrences, spellingStart, [.. spellings], lengths);
        }
    }

    /// <summary>Every lower-case spelling met, and every folded word, numbered as first met by any thread. A spelling
    /// is looked up by the characters of the text (lower-cased on the stack) and folded once, not once per occurrence.</summary>
    internal sealed class Vocabulary
    {
        private readonly ConcurrentDictionary<string, (int Spelling, int Folded)> _spellingIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _foldedIds = new(StringComparer.Ordinal);
        private readonly List<string> _spellings = [];
        private readonly List<string> _folded = [];
        private readonly ConcurrentDictionary<string, (int Spelling, int Folded)>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

        // Each thread's spellings met last, by a hash of the spelling: most of an article's words are among a few hundred
        // common ones, which are then found here, in the thread's own few kilobytes. The shared dictionary's buckets, entries
        // and strings (some 100,000 spellings at 100,000 articles) lie beyond the processor's nearer caches: a lookup there
        // was 1.3 % of a 100k build's CPU, 19 times the 10k build's. A spelling's ids never change once given.
        // (Kept per thread for one vocabulary at a time, by its number: no thread holds on to a vocabulary.)
        private const int RecentSlots = 1024;
        private static int _made;
        [ThreadStatic]
        private static (int Vocabulary, (string? Spelling, (int, int) Ids)[] Slots) _recent;
        private readonly int _number = Interlocked.Increment(ref _made);

        public Vocabulary() => _bySpan = _spellingIds.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>The ids of <paramref name="word"/>'s lower-case spelling and of its folded word.</summary>
        public (int Spelling, int Folded) Spelling(ReadOnlySpan<char> word)
        {
            Span<char> lower = stackalloc char[word.Length];
            word.ToLowerInvariant(lower);
            var hash = (uint)lower.Length;
            foreach (var c in lower)
            {
                hash = (hash ^ c) * 0x01000193;
            }

            if (_recent.Vocabulary != _number)
            {
                _recent = (_number, _recent.Slots ?? new (string?, (int, int))[RecentSlots]);
                Array.Clear(_recent.Slots);
            }

            ref var recent = ref _recent.Slots[(int)((hash ^ (hash >> 15)) & (RecentSlots - 1))];
            if (recent.Spelling is { } known && lower.SequenceEqual(known))
            {
                return recent.Ids;
            }

            if (_bySpan.TryGetValue(lower, out var key, out var ids))
            {
                recent = (key, ids);
                return ids;
            }

            var exact = lower.ToString();
            var folded = SearchText.Fold(exact);
            lock (_spellings)
            {
                if (_spellingIds.TryGetValue(exact, out ids))
                {
                    return ids;
                }

                if (!_foldedIds.TryGetValue(folded, out var foldedId))
                {
                    foldedId = _folded.Count;
                    _folded.Add(folded);
                    _foldedIds[folded] = foldedId;
                }

                ids = (_spellings.Count, foldedId);
                _spellings.Add(exact);
                _spellingIds[exact] = ids;
                return ids;
            }
        }

        private string[] _spellingsMade = [];

        /// <summary>Every spelling by id. Spellings are only ever added, so the copy made last stands while none was.</summary>
        public string[] Spellings()
        {
            if (_spellingsMade.Length != _spellings.Count)
            {
                _spellingsMade = [.. _spellings];
            }

            return _spellingsMade;
        }

        private (bool[] Used, (string[] Words, int[] Rank, int[] Order) Sorted)? _sortedMade;

        public int FoldedCount => _folded.Count;

        /// <summary>The folded word with vocabulary id <paramref name="id"/>.</summary>
        public string Folded(int id) => _folded[id];

        /// <summary>The folded words in <paramref name="used"/>, in ordinal order, each one's place in it, and the id of
        /// the word at each place.</summary>
        public (string[] Words, int[] Rank, int[] Order) SortedWords(bool[] used)
        {
            // The same words in use as last time (most saves in serve): the same order.
            if (_sortedMade is { } made && made.Used.AsSpan().SequenceEqual(used))
            {
                return made.Sorted;
            }

            var sorted = Sort(used);
            _sortedMade = (used, sorted);
            return sorted;
        }

        private (string[] Words, int[] Rank, int[] Order) Sort(bool[] used)
        {
            var order = Enumerable.Range(0, _folded.Count).Where(i => used[i]).ToArray();
            Array.Sort(order, (a, b) => string.CompareOrdinal(_folded[a], _folded[b]));
            var rank = new int[_folded.Count];
            for (var r = 0; r < order.Length; r++)
            {
                rank[order[r]] = r;
            }

            return ([.. order.Select(i => _folded[i])], rank, order);
        }
    }
}
