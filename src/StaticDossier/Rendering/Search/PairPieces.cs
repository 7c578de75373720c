using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace StaticDossier.Rendering.Search;

/// <summary>One word's pair pieces (<see cref="PairShards.Pieces"/>) made from the last build's, where only the articles
/// at <c>changed</c> ids can differ: only the members of the second words those articles have or had after the word are
/// written again (their old article lists decoded, the changed ids taken out, put back where the article has the pair now),
/// and the members are cut into pieces again by the same greedy rule, by their lengths. A common word's pairs then cost
/// the members an edit touches and a copy of the rest, not a walk of every occurrence of the word in every article.
/// A piece made of the same members as before is the very array kept, so its pair shard stays.</summary>
internal static class PairPieces
{
    /// <summary>The patched pieces of <paramref name="term"/> of <paramref name="index"/>, from <paramref name="before"/>
    /// (the last build's, cut at <paramref name="pieceBytes"/> and written with <paramref name="options"/>), where the articles
    /// at the ids <paramref name="changed"/> were <paramref name="last"/> (by id: the same ids as now); null when the kept
    /// pieces cannot be read as written (the caller makes them whole). <paramref name="folded"/> gives a folded word's
    /// text by its vocabulary id.</summary>
    public static List<(string Start, byte[] Members)>? Patched(SearchIndex index, int term, List<(string Start, byte[] Members)> before,
        IReadOnlyCollection<int> changed, SearchIndex.ParsedDocument[] last, Func<int, string> folded, int pieceBytes, JsonWriterOptions options)
    {
        var word = index.FoldedOf(term);
        var documents = index.Documents;
        // The second words the changed articles have or had after this word, and which of those articles have each now.
        var now = new Dictionary<int, List<int>>();
        var touched = new HashSet<int>();
        foreach (var d in changed.Order())
        {
            foreach (var second in Followers(last[d], word))
            {
                touched.Add(second);
            }

            foreach (var second in Followers(documents[d], word))
            {
                touched.Add(second);
                if (!now.TryGetValue(second, out var list))
                {
                    now[second] = list = [];
                }

                // A pair met twice in one article lists it once.
                if (list.Count == 0 || list[^1] != d)
                {
                    list.Add(d);
                }
            }
        }

        var members = Members(before);
        if (members is null)
        {
            return null;
        }

        var edits = touched.Select(s => (Word: folded(s), Folded: s)).OrderBy(e => e.Word, StringComparer.Ordinal).ToList();
        var changedIds = changed.ToArray();
        var result = new List<Member>(members.Count + edits.Count);
        var next = 0;
        // Each touched set is read and written as bytes (no string, no pass over every article): a relocating title
        // save patches the pairs of ~100-170 words, each with dozens of touched followers.
        var ids = new List<int>();
        var set = new ArrayBufferWriter<byte>();
        foreach (var (text, second) in edits)
        {
            var at = Find(members, next, text, out var found);
            for (var m = next; m < at; m++)
            {
                result.Add(members[m]);
            }

            next = found ? at + 1 : at;
            ids.Clear();
            if (found)
            {
                FacetSets.Read(members[at].Set, index.DocumentCount, ids);
                // The few changed ids taken out, and those that have the pair now put in, each where it goes: the set
                // is not searched or sorted whole.
                foreach (var d in changedIds)
                {
                    if (ids.BinarySearch(d) is var k and >= 0)
                    {
                        ids.RemoveAt(k);
                    }
                }
            }

            if (now.TryGetValue(second, out var added))
            {
                foreach (var d in added)
                {
                    ids.Insert(~ids.BinarySearch(d), d);
                }
            }

            if (ids.Count == 0)
            {
                continue;
            }

            set.ResetWrittenCount();
            FacetSets.Encode(CollectionsMarshal.AsSpan(ids), index.DocumentCount, set);
            if (!found)
            {
                result.Add(Member.Written(text, Encoding.ASCII.GetString(set.WrittenSpan), options));
            }
            else if (set.WrittenSpan.SequenceEqual(members[at].Set))
            {
                // The same articles: the member kept, so its piece may stay the very array.
                result.Add(members[at]);
            }
            else
            {
                result.Add(Member.WithSet(members[at], set.WrittenSpan));
            }
        }

        for (var m = next; m < members.Count; m++)
        {
            result.Add(members[m]);
        }

        return Cut(result, before, pieceBytes);
    }

    /// <summary>The folded words that follow <paramref name="word"/> somewhere in <paramref name="document"/>.</summary>
    private static IEnumerable<int> Followers(SearchIndex.ParsedDocument document, int word)
    {
        var local = Array.IndexOf(document.Words, word);
        if (local < 0)
        {
            yield break;
        }

        foreach (var occurrence in document.OccurrencesOf(local).ToArray())
        {
            if (occurrence >> SearchIndex.ParsedDocument.FieldBits is var next and > 0)
            {
                yield return document.Words[next - 1];
            }
        }
    }

    /// <summary>Cuts <paramref name="members"/> into pieces as <see cref="PairShards.Pieces"/> does: a piece is closed
    /// before a member when what it holds, with its opening brace and the commas between, is at least
    /// <paramref name="pieceBytes"/>.</summary>
    private static List<(string Start, byte[] Members)> Cut(List<Member> members, List<(string Start, byte[] Members)> before, int pieceBytes)
    {
        var pieces = new List<(string, byte[])>();
        var (first, size) = (0, 1);
        for (var m = 0; m < members.Count; m++)
        {
            if (m > first && size >= pieceBytes)
            {
                pieces.Add(Piece(members, first, m, before));
                (first, size) = (m, 1);
            }

            size += (m > first ? 1 : 0) + members[m].Length;
        }

        if (members.Count > first)
        {
            pieces.Add(Piece(members, first, members.Count, before));
        }

        return pieces;
    }

    private static (string, byte[]) Piece(List<Member> members, int from, int to, List<(string Start, byte[] Members)> before)
    {
        // The same members as a whole kept piece: that piece.
        var head = members[from];
        var tail = members[to - 1];
        if (head.Piece >= 0 && head.From == 0 && tail.From + tail.Length == before[head.Piece].Members.Length
            && tail.Index - head.Index == to - from - 1 && members.GetRange(from, to - from).All(m => m.Piece == head.Piece))
        {
            return before[head.Piece];
        }

        var bytes = new byte[members.GetRange(from, to - from).Sum(x => x.Length) + (to - from - 1)];
        var at = 0;
        for (var m = from; m < to; m++)
        {
            if (m > from)
            {
                bytes[at++] = (byte)',';
            }

            members[m].Bytes.CopyTo(bytes.AsSpan(at));
            at += members[m].Length;
        }

        return (head.Text ?? Decode(head.Word), bytes);
    }

    /// <summary>Where <paramref name="text"/>'s member is among <paramref name="members"/> (sorted by word, from
    /// <paramref name="from"/> on), or where it would go.</summary>
    private static int Find(List<Member> members, int from, string text, out bool found)
    {
        // UTF-8 bytes sort as ordinal UTF-16 does while the text has no surrogate or character above them (below
        // U+D800 either order puts it before any such character), and a word written with no escape is its UTF-8.
        var quoted = text.AsSpan().IndexOfAnyInRange('\uD800', '\uFFFF') < 0 ? Encoding.UTF8.GetBytes(text) : null;
        var (low, high) = (from, members.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var word = members[middle].Word[1..^1];
            var order = quoted is not null && !word.Contains((byte)'\\')
                ? word.SequenceCompareTo(quoted)
                : string.CompareOrdinal(Decode(members[middle].Word), text);
            if (order == 0)
            {
                found = true;
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        found = false;
        return low;
    }

    private static string Decode(ReadOnlySpan<byte> quoted)
    {
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>The members of <paramref name="pieces"/> in order, each <c>"word":"set"</c>; null when one is not so.</summary>
    private static List<Member>? Members(List<(string Start, byte[] Members)> pieces)
    {
        var members = new List<Member>();
        Span<int> q = stackalloc int[4];
        for (var p = 0; p < pieces.Count; p++)
        {
            var bytes = pieces[p].Members;
            var at = 0;
            while (at < bytes.Length)
            {
                // A folded word and a set are never written with a quote inside (a quote in a word would be escaped as
                // \u0022), so a member is its four quotes.
                var from = at;
                for (var k = 0; k < 4; k++)
                {
                    var found = bytes.AsSpan(at).IndexOf((byte)'"');
                    if (found < 0)
                    {
                        return null;
                    }

                    q[k] = at + found;
                    at = q[k] + 1;
                }

                if (q[0] != from || bytes[q[1] + 1] != ':' || q[2] != q[1] + 2 || (at < bytes.Length && bytes[at] != ','))
                {
                    return null;
                }

                members.Add(new Member(bytes, from, at - from, p, members.Count, q[1] - from + 1, null));
                at += at < bytes.Length ? 1 : 0;
            }
        }

        return members;
    }

    /// <summary>One member's bytes: a kept one in its piece (<see cref="Piece"/> and its place among all the kept
    /// members), or one written now (piece -1, with its word's text).</summary>
    private readonly record struct Member(byte[] Source, int From, int Length, int Piece, int Index, int WordLength, string? Text)
    {
        public ReadOnlySpan<byte> Bytes => Source.AsSpan(From, Length);

        /// <summary>The word, quoted as written.</summary>
        public ReadOnlySpan<byte> Word => Source.AsSpan(From, WordLength);

        /// <summary>The set, without its quotes.</summary>
        public ReadOnlySpan<byte> Set => Source.AsSpan(From + WordLength + 2, Length - WordLength - 3);

        /// <summary><paramref name="kept"/>'s word, as written, with another set (a set is base64url letters and digits,
        /// which no encoder escapes).</summary>
        public static Member WithSet(Member kept, ReadOnlySpan<byte> set)
        {
            var word = kept.Word;
            var bytes = new byte[word.Length + set.Length + 3];
            word.CopyTo(bytes);
            bytes[word.Length] = (byte)':';
            bytes[word.Length + 1] = (byte)'"';
            set.CopyTo(bytes.AsSpan(word.Length + 2));
            bytes[^1] = (byte)'"';
            return new Member(bytes, 0, bytes.Length, -1, -1, word.Length, null);
        }

        public static Member Written(string text, string set, JsonWriterOptions options)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer, options))
            {
                w.WriteStartObject();
                w.WriteString(text, set);
                w.WriteEndObject();
            }

            var bytes = buffer.WrittenSpan[1..^1].ToArray();
            var wordLength = bytes.AsSpan(1).IndexOf((byte)'"') + 2;
            return new Member(bytes, 0, bytes.Length, -1, -1, wordLength, text);
        }
    }
}
