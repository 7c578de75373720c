using System.Buffers;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text;

namespace StaticDossier.Rendering.Search;

/// <summary>Writes a facet value's articles (ascending document ids) as a short string that search.js decodes,
/// in whichever of three forms is shortest for this set:
/// <list type="bullet">
/// <item><c>b</c> + a bitset in unpadded base64url (bit <c>d % 8</c> of byte <c>d / 8</c>): dense values such as a language;</item>
/// <item><c>d</c> + each id as the gap after the previous one (first from -1), minus one: sparse values such as a person;</item>
/// <item><c>r</c> + runs, each as the gap before its start and its length minus one: ids in runs, such as a year,
/// since document ids follow the timeline.</item>
/// </list>
/// Numbers are base-32 digits, low digits first, in the base64url alphabet with 32 added while more digits follow.
/// At 100,000 articles the five facets take about a third of what a per-article table took, and the reader's
/// browser counts a value by walking its ids instead of every article's lists.</summary>
internal static class FacetSets
{
    /// <summary>The shortest form of <paramref name="ids"/> (ascending ids of <paramref name="documents"/>).</summary>
    public static string Encode(IReadOnlyList<int> ids, int documents)
    {
        var output = new ArrayBufferWriter<byte>();
        Encode(ids is List<int> list ? CollectionsMarshal.AsSpan(list) : ids is int[] array ? array : [.. ids], documents, output);
        return Encoding.ASCII.GetString(output.WrittenSpan);
    }

    /// <summary>As <see cref="Encode(IReadOnlyList{int}, int)"/>, as ASCII bytes added to <paramref name="output"/> (a
    /// pair shard's hundreds of thousands of sets make no string each).</summary>
    public static void Encode(ReadOnlySpan<int> ids, int documents, IBufferWriter<byte> output)
    {
        // Each form's length is counted before any is written, and only the shortest is (a pair shard holds hundreds of
        // thousands of sets). The bitset's is unpadded base64 of documents / 8 bytes: most sets, such as the articles
        // where two words stand side by side, are far sparser than that.
        var (deltas, runs) = Lengths(ids);
        var bytes = (documents + 7) / 8;
        if (1 + (((bytes * 4) + 2) / 3) <= Math.Min(deltas, runs))
        {
            Bitset(ids, documents, output);
        }
        else if (runs < deltas)
        {
            Runs(ids, output);
        }
        else
        {
            Deltas(ids, deltas, output);
        }
    }

    /// <summary>The lengths <see cref="Deltas"/> and <see cref="Runs"/> would have.</summary>
    private static (int Deltas, int Runs) Lengths(ReadOnlySpan<int> ids)
    {
        int deltas = 1, runs = 1, previous = -1;
        for (var i = 0; i < ids.Length; i++)
        {
            deltas += Digits(ids[i] - (i == 0 ? -1 : ids[i - 1]) - 1);
        }

        for (var i = 0; i < ids.Length;)
        {
            var start = ids[i];
            var end = start;
            while (i + 1 < ids.Length && ids[i + 1] == end + 1)
            {
                end = ids[++i];
            }

            i++;
            runs += Digits(start - previous - 1) + Digits(end - start);
            previous = end;
        }

        return (deltas, runs);
    }

    /// <summary>How many base-32 digits <paramref name="value"/> (not negative) takes: one per five bits, at least one.</summary>
    internal static int Digits(int value) => (System.Numerics.BitOperations.Log2((uint)value | 1) / 5) + 1;

    private static void Bitset(ReadOnlySpan<int> ids, int documents, IBufferWriter<byte> output)
    {
        var bytes = ArrayPool<byte>.Shared.Rent((documents + 7) / 8);
        var bits = bytes.AsSpan(0, (documents + 7) / 8);
        bits.Clear();
        foreach (var id in ids)
        {
            bits[id >> 3] |= (byte)(1 << (id & 7));
        }

        // base64url without padding: what base64 with '+' and '/' replaced and '=' trimmed reads.
        var text = output.GetSpan(1 + Base64Url.GetEncodedLength(bits.Length));
        text[0] = (byte)'b';
        var written = Base64Url.EncodeToUtf8(bits, text[1..]);
        output.Advance(1 + written);
        ArrayPool<byte>.Shared.Return(bytes);
    }

    private static void Deltas(ReadOnlySpan<int> ids, int length, IBufferWriter<byte> output)
    {
        // Its length is known: one span for the whole set, not a buffer call per number.
        var text = output.GetSpan(length);
        text[0] = (byte)'d';
        var at = 1;
        var previous = -1;
        foreach (var id in ids)
        {
            at += SearchDigits.Write(text[at..], id - previous - 1);
            previous = id;
        }

        output.Advance(at);
    }

    private static void Runs(ReadOnlySpan<int> ids, IBufferWriter<byte> output)
    {
        Mark(output, 'r');
        var previous = -1;
        for (var i = 0; i < ids.Length;)
        {
            var start = ids[i];
            var end = start;
            while (i + 1 < ids.Length && ids[i + 1] == end + 1)
            {
                end = ids[++i];
            }

            i++;
            SearchDigits.Write(output, start - previous - 1);
            SearchDigits.Write(output, end - start);
            previous = end;
        }
    }

    private static void Mark(IBufferWriter<byte> output, char form)
    {
        output.GetSpan(1)[0] = (byte)form;
        output.Advance(1);
    }

    /// <summary>Adds to <paramref name="ids"/> the ids <paramref name="encoded"/> (as ASCII bytes) holds, ascending: what
    /// <see cref="Decode"/> reads, without a string or a pass over every article (a pair patch reads thousands of sets).</summary>
    internal static void Read(ReadOnlySpan<byte> encoded, int documents, List<int> ids)
    {
        if (encoded.IsEmpty)
        {
            return;
        }

        if (encoded[0] == (byte)'b')
        {
            var rented = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(encoded.Length - 1));
            var length = Base64Url.DecodeFromUtf8(encoded[1..], rented);
            for (var b = 0; b < length; b++)
            {
                for (uint bits = rented[b]; bits != 0; bits &= bits - 1)
                {
                    var d = (b << 3) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    if (d < documents)
                    {
                        ids.Add(d);
                    }
                }
            }

            ArrayPool<byte>.Shared.Return(rented);
            return;
        }

        var at = 1;
        var previous = -1;
        while (at < encoded.Length)
        {
            var start = previous + 1 + SearchDigits.Read(encoded, ref at);
            var end = encoded[0] == (byte)'r' ? start + SearchDigits.Read(encoded, ref at) : start;
            for (var d = start; d <= end; d++)
            {
                ids.Add(d);
            }

            previous = end;
        }
    }

    /// <summary>The ids a string holds: the reader's decoding, for tests.</summary>
    internal static List<int> Decode(string encoded, int documents)
    {
        var ids = new List<int>();
        if (encoded.Length == 0)
        {
            return ids;
        }

        if (encoded[0] == 'b')
        {
            var base64 = encoded[1..].Replace('-', '+').Replace('_', '/');
            var bytes = Convert.FromBase64String(base64.PadRight((base64.Length + 3) / 4 * 4, '='));
            for (var d = 0; d < documents; d++)
            {
                if ((bytes[d >> 3] & (1 << (d & 7))) != 0)
                {
                    ids.Add(d);
                }
            }

            return ids;
        }

        var at = 1;
        var previous = -1;
        while (at < encoded.Length)
        {
            var start = previous + 1 + SearchDigits.Read(encoded, ref at);
            var end = encoded[0] == 'r' ? start + SearchDigits.Read(encoded, ref at) : start;
            for (var d = start; d <= end; d++)
            {
                ids.Add(d);
            }

            previous = end;
        }

        return ids;
    }
}
