using System.Buffers;
using System.Text.Json;

namespace StaticDossier.Rendering.Search;

/// <summary>Where the pairs of one word are, written as the third item of its term entry: <c>[first shard, word,
/// word, …]</c>: its pairs start in shard <c>pairs/first</c>, and each word given starts the next shard (the pairs
/// are in ordinal order of their second word). A word with many followers spans several shards, so a phrase query
/// loads one small shard, never every pair of a common word.</summary>
internal sealed record PairShards(int First, IReadOnlyList<string> Starts)
{
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        w.WriteNumberValue(First);
        foreach (var start in Starts)
        {
            w.WriteStringValue(start);
        }

        w.WriteEndArray();
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> say the same (both none, or the same first shard and
    /// the same words starting the next ones).</summary>
    public static bool Same(PairShards? a, PairShards? b) =>
        a is null || b is null ? a is null && b is null : a.First == b.First && a.Starts.SequenceEqual(b.Starts, StringComparer.Ordinal);

    /// <summary>One word's pairs as pieces of JSON object members (<c>"second":"articles"</c>), each under
    /// <paramref name="pieceBytes"/>, with the second word each piece starts at.</summary>
    public static List<(string Start, byte[] Members)> Pieces(SearchIndex index, int term, int pieceBytes, JsonWriterOptions options) =>
        Written(index, index.PairsOf(term), pieceBytes, options);

    /// <summary>As <see cref="Pieces(SearchIndex, int, int, JsonWriterOptions)"/>, from the term's pairs found by
    /// <paramref name="sweep"/>.</summary>
    public static List<(string Start, byte[] Members)> SweptPieces(SearchIndex index, int term, SearchIndex.PairSweep sweep, int pieceBytes, JsonWriterOptions options) =>
        Written(index, index.PairsOf(term, sweep), pieceBytes, options);

    private static List<(string Start, byte[] Members)> Written(SearchIndex index, SearchIndex.WordPairs found, int pieceBytes, JsonWriterOptions options)
    {
        var pieces = new List<(string, byte[])>();
        var buffer = new ArrayBufferWriter<byte>();
        string? start = null;
        var w = new Utf8JsonWriter(buffer, options);
        var set = new ArrayBufferWriter<byte>();
        w.WriteStartObject();
        using (var pairs = found)
        {
            for (var k = 0; k < pairs.Count; k++)
            {
                if (start is not null && w.BytesCommitted + w.BytesPending >= pieceBytes)
                {
                    Flush();
                }

                var second = index.Words[pairs.Second(k)];
                start ??= second;
                set.ResetWrittenCount();
                FacetSets.Encode(pairs.DocumentsOf(k), index.DocumentCount, set);
                w.WriteString(second, set.WrittenSpan);
            }
        }

        if (start is not null)
        {
            Flush();
        }

        w.Dispose();
        return pieces;

        void Flush()
        {
            w.WriteEndObject();
            w.Flush();
            // The members without the braces, so pieces of several words can share a shard.
            pieces.Add((start, buffer.WrittenSpan[1..^1].ToArray()));
            buffer.ResetWrittenCount();
            w.Reset(buffer);
            w.WriteStartObject();
            start = null;
        }
    }
}
