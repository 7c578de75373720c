using System.Buffers;

namespace StaticDossier.Rendering.Search;

internal sealed partial class SearchIndex
{
    /// <summary>Term <paramref name="term"/>'s entry made from the one the last build wrote, where only the postings of
    /// <paramref name="changed"/> articles can differ: an unchanged article keeps its weight (the same article count,
    /// posting count and field averages give the same IDF and length norms) and its bytes, and only the changed
    /// articles' postings, and the gap of the posting after each, are written anew. So an edited article's common
    /// words cost a copy of their lists, not their encoding. Null where that does not hold (the count of articles with
    /// the word changed, or it has several spellings, whose order and bits may move): the caller makes it whole.</summary>
    public byte[]? PatchedCore(int term, byte[] before, int[] weightsBefore, HashSet<int> changed, out int[] weights)
    {
        weights = [];
        var (start, end) = (_termStart[term], _termStart[term + 1]);
        if (end - start != weightsBefore.Length || end == start || SpellingsOf(start) is not [var spelling])
        {
            return null;
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
                weights[k] = Rounded(idf, TermFrequency(_documents[document], counts));
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
