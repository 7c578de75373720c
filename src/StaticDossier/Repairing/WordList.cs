using System.IO.Compression;

namespace StaticDossier.Repairing;

/// <summary>The English words ingest knows: SCOWL's lists as Debian ships them (wamerican + wbritish), embedded in
/// the library so a repair never depends on the machine (<c>Repairing/Resources/</c>: the list, its licence and the
/// script that makes it).</summary>
internal static class WordList
{
    private static readonly Lazy<HashSet<string>> Words = new(Load);

    // Taken once: taking it checks the set's comparer (a type test on every word looked up).
    private static readonly Lazy<HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> Spans = new(() => Words.Value.GetAlternateLookup<ReadOnlySpan<char>>());

    /// <summary>True when <paramref name="lowerCase"/> (ASCII letters, lower case) is an English word.</summary>
    public static bool Contains(string lowerCase) => Words.Value.Contains(lowerCase);

    /// <inheritdoc cref="Contains(string)"/>
    public static bool Contains(ReadOnlySpan<char> lowerCase) => Spans.Value.Contains(lowerCase);

    /// <summary>How many words the list holds.</summary>
    public static int Count => Words.Value.Count;

    private static HashSet<string> Load()
    {
        using var stream = typeof(WordList).Assembly.GetManifestResourceStream("StaticDossier.english-words.txt.gz")
                           ?? throw new InvalidOperationException("The embedded English word list is missing from the library.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var words = new HashSet<string>(80_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            words.Add(line);
        }

        return words;
    }
}
