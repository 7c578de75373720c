using System.Buffers;

namespace StaticDossier.Rendering.Search;

internal sealed partial class SearchIndex
{
    /// <summary>Term <paramref name="term"/>'s entry made from the one the last build wrote, where only the postings of
    /// <paramref name="changed"/> articles can differ: an unchanged article keeps its weight (the same article count,
    /// posting count and field averages give the same IDF and length norms) and its bytes, and only the changed
    /// articles' postings, and the gap of the posting after each, are written anew. So an edited article's common
    /// words cost a copy of their lists, not their encoding. Null where that does not hold (the count of articles with
    /// the word changed, or it has several spellings, whose order and bits may move): the caller makes it whole.
    /// <para>With <paramref name="wordsBefore"/> (each changed article's folded words in the last build), where every
    /// changed article has the word now exactly if it had it then, the list of articles is the same, and only the changed
    /// articles' weights are written into a copy of the old bytes (<see cref="PatchedInPlace"/>): time proportional to the
    /// change and one copy of the entry, not to the list.</para></summary>
    public byte[]? PatchedCore(int term, byte[] before, int[] weightsBefore, HashSet<int> changed, out int[] weights, IReadOnlyDictionary<int, HashSet<int>>? wordsBefore = null)
    {
        weights = [];
        var (start, end) = (_termStart[term], _termStart[term + 1]);
        if (end - start != weightsBefore.Length || end == start || SpellingsOf(start) is not [var spelling])
        {
            return null;
        }

        if (wordsBefore is not null && PatchedInPlace(term, spelling, before, weightsBefore, changed, wordsBefore, out var inPlace, out weights) is { } done)
        {
            return done ? inPlace : null;
        }

        for (var p = start; p < end; p++)
        {
            if (changed.Contains(_postingDocument[p]) && (SpellingsOf(p) is not [var only] || only != spelling))
            {
                return null;
            }
        }

        // The head, [["spelling"],"count , must be the one written before: then the old entry had this one spelling
        // and as many postings.
        var head = new ArrayBufferWriter<byte>(64);
        WriteHead(head, [_spellings[spelling]], end - start);
        if (!before.AsSpan().StartsWith(head.WrittenSpan))
        {
            return null;
        }

        var idf = Math.Log(1 + ((_documents.Length - (end - start) + 0.5) / (end - start + 0.5)));
        var output = new ArrayBufferWriter<byte>(before.Length + 64);
        output.Write(head.WrittenSpan);
        weights = new int[end - start];
        Span<int> counts = stackalloc int[Fields];
        var old = new OldPostings(before, head.WrittenCount);
        var (previous, oldPrevious) = (0, 0);
        for (var p = start; p < end; p++)
        {
            var k = p - start;
            var document = _postingDocument[p];
            if (changed.Contains(document))
            {
                Unpack(p, counts);
                weights[k] = Rounded(idf, TermFrequency(document, counts));
                SearchDigits.Write(output, document - previous);
                SearchDigits.Write(output, weights[k]);
                SearchDigits.Write(output, 1);
            }
            else
            {
                // The same article was in the old list: skip the changed articles' postings before it.
                int oldDocument;
                while ((oldDocument = old.Next()) != document)
                {
                    if (oldDocument < 0 || oldDocument > document || !changed.Contains(oldDocument))
                    {
                        return null;
                    }

                    oldPrevious = oldDocument;
                }

                weights[k] = weightsBefore[old.Index - 1];
                if (oldPrevious == previous)
                {
                    output.Write(old.Triple);
                }
                else
                {
                    // Only the gap to the article before it moved.
                    SearchDigits.Write(output, document - previous);
                    output.Write(old.Triple[old.GapLength..]);
                }

                oldPrevious = document;
            }

            previous = document;
        }

        // Every old posting is accounted for: the rest can only be changed articles that left the list.
        while (old.Next() is var rest and >= 0)
        {
            if (!changed.Contains(rest))
            {
                return null;
            }
        }

        output.Write("\""u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The fast form of <see cref="PatchedCore"/>: true with the entry when every changed article has the word now
    /// exactly if it had it before (the same list of articles, so the same gaps and, with one spelling, the same masks:
    /// only the weights of the changed articles can differ, each rewritten in place in a copy of the old bytes; the old
    /// array itself when none did); false when the entry must be made whole; null when this form does not apply.</summary>
    private bool? PatchedInPlace(int term, int spelling, byte[] before, int[] weightsBefore, HashSet<int> changed, IReadOnlyDictionary<int, HashSet<int>> wordsBefore, out byte[] entry, out int[] weights)
    {
        (entry, weights) = (before, weightsBefore);
        var (start, end) = (_termStart[term], _termStart[term + 1]);
        var folded = _foldedOf[term];
        var moved = new List<(int Posting, int Weight)>();
        var idf = Math.Log(1 + ((_documents.Length - (end - start) + 0.5) / (end - start + 0.5)));
        Span<int> counts = stackalloc int[Fields];
        foreach (var document in changed)
        {
            if (!wordsBefore.TryGetValue(document, out var had))
            {
                return null;
            }

            var k = Array.BinarySearch(_postingDocument, start, end - start, document);
            if ((k >= 0) != had.Contains(folded))
            {
                return null;
            }

            if (k < 0)
            {
                continue;
            }

            if (SpellingsOf(k) is not [var only] || only != spelling)
            {
                return false;
            }

            Unpack(k, counts);
            var weight = Rounded(idf, TermFrequency(document, counts));
            if (weight != weightsBefore[k - start])
            {
                moved.Add((k - start, weight));
            }
        }

        var head = new ArrayBufferWriter<byte>(64);
        WriteHead(head, [_spellings[spelling]], end - start);
        if (!before.AsSpan().StartsWith(head.WrittenSpan))
        {
            return false;
        }

        if (moved.Count == 0)
        {
            return true;
        }

        moved.Sort();
        weights = [.. weightsBefore];
        var output = new ArrayBufferWriter<byte>(before.Length + (8 * moved.Count));
        var (at, posting, copied) = (head.WrittenCount, 0, 0);
        foreach (var (k, weight) in moved)
        {
            for (; posting < k; posting++)
            {
                at = SkipNumber(before, SkipNumber(before, SkipNumber(before, at)));
            }

            // The gap stays; the weight is written anew; the mask and what follows are copied.
            var weightAt = SkipNumber(before, at);
            output.Write(before.AsSpan(copied, weightAt - copied));
            SearchDigits.Write(output, weight);
            // Copied from after the weight; the next posting starts after the mask.
            copied = SkipNumber(before, weightAt);
            at = SkipNumber(before, copied);
            posting++;
            weights[k] = weight;
        }

        output.Write(before.AsSpan(copied));
        entry = output.WrittenSpan.ToArray();
        return true;
    }

    /// <summary>Where the search digits number at <paramref name="at"/> ends.</summary>
    private static int SkipNumber(byte[] bytes, int at)
    {
        while (SearchDigits.Continues(bytes[at]))
        {
            at++;
        }

        return at + 1;
    }

    /// <summary>Reads an entry's postings as written, gap, weight and mask per article up to the closing quote.</summary>
    private ref struct OldPostings(byte[] bytes, int at)
    {
        private readonly byte[] _bytes = bytes;
        private int _at = at;
        private int _document;

        /// <summary>How many postings were read.</summary>
        public int Index { get; private set; }

        /// <summary>The bytes of the last posting read.</summary>
        public ReadOnlySpan<byte> Triple { get; private set; }

        /// <summary>How many of them are its gap.</summary>
        public int GapLength { get; private set; }

        /// <summary>The next posting's article, or -1 at the end of the list.</summary>
        public int Next()
        {
            if (_at >= _bytes.Length || _bytes[_at] == (byte)'"')
            {
                return -1;
            }

            var from = _at;
            var gap = SearchDigits.Read(_bytes, ref _at);
            GapLength = _at - from;
            _ = SearchDigits.Read(_bytes, ref _at);
            _ = SearchDigits.Read(_bytes, ref _at);
            Triple = _bytes.AsSpan(from, _at - from);
            Index++;
            _document += gap;
            return _document;
        }
    }
}
