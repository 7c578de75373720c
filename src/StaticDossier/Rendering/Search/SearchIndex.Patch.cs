using System.Buffers;
using System.Text.Json;

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

        // The head, [["spelling"],[ , must be the one written before: then the old entry had this one spelling too.
        var head = new ArrayBufferWriter<byte>(64);
        using (var w = new Utf8JsonWriter(head, JsonOptions))
        {
            w.WriteStartArray();
            w.WriteStartArray();
            w.WriteStringValue(_spellings[spelling]);
            w.WriteEndArray();
            w.WriteStartArray();
            w.Flush();
        }

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
            if (k > 0)
            {
                output.Write(","u8);
            }

            if (changed.Contains(document))
            {
                Unpack(p, counts);
                weights[k] = Rounded(idf, TermFrequency(_documents[document], counts));
                WriteNumbers(output, document - previous, weights[k], 1);
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
                    WriteNumbers(output, document - previous);
                    output.Write(","u8);
                    output.Write(old.Triple[(old.Triple.IndexOf((byte)',') + 1)..]);
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

        output.Write("]"u8);
        return output.WrittenSpan.ToArray();
    }

    private static void WriteNumbers(ArrayBufferWriter<byte> output, params ReadOnlySpan<int> numbers)
    {
        for (var i = 0; i < numbers.Length; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            numbers[i].TryFormat(output.GetSpan(11), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            output.Advance(written);
        }
    }

    /// <summary>Reads an entry's postings as written, <c>gap,weight,mask,…]</c>, one triple at a time.</summary>
    private ref struct OldPostings(byte[] bytes, int at)
    {
        private readonly byte[] _bytes = bytes;
        private int _at = at;
        private int _document;

        /// <summary>How many triples were read.</summary>
        public int Index { get; private set; }

        /// <summary>The bytes of the last triple read.</summary>
        public ReadOnlySpan<byte> Triple { get; private set; }

        /// <summary>The next posting's article, or -1 at the end of the list.</summary>
        public int Next()
        {
            var gap = 0;
            if (_at >= _bytes.Length || _bytes[_at] == (byte)']')
            {
                return -1;
            }

            var from = _at;
            for (; _bytes[_at] is >= (byte)'0' and <= (byte)'9'; _at++)
            {
                gap = (gap * 10) + (_bytes[_at] - '0');
            }

            // The weight and the mask follow.
            for (var commas = 0; commas < 2; _at++)
            {
                if (_bytes[_at] == (byte)',')
                {
                    commas++;
                }
            }

            while (_bytes[_at] is >= (byte)'0' and <= (byte)'9')
            {
                _at++;
            }

            Triple = _bytes.AsSpan(from, _at - from);
            if (_bytes[_at] == (byte)',')
            {
                _at++;
            }

            Index++;
            _document += gap;
            return _document;
        }
    }
}
