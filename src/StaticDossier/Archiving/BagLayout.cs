using System.Text;
using System.Text.RegularExpressions;

namespace StaticDossier.Archiving;

/// <summary>The names RFC 8493 gives to a bag's parts, and the path rules every reader and writer shares.</summary>
internal static partial class BagLayout
{
    /// <summary>The bag declaration.</summary>
    public const string Declaration = "bagit.txt";

    /// <summary>The bag metadata file.</summary>
    public const string Info = "bag-info.txt";

    /// <summary>The payload folder, with its trailing slash.</summary>
    public const string PayloadPrefix = "data/";

    /// <summary>The exact bytes of the declaration this generator writes (BagIt 1.0, UTF-8, no BOM, LF).</summary>
    public const string DeclarationText = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

    /// <summary>UTF-8 without a byte-order mark, as RFC 8493 requires of tag files.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>UTF-8 that throws on invalid bytes, for reading tag files.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>True for a payload file path.</summary>
    public static bool IsPayload(string path) => path.StartsWith(PayloadPrefix, StringComparison.Ordinal);

    /// <summary>The payload manifest name for <paramref name="algorithm"/>.</summary>
    public static string ManifestName(string algorithm) => $"manifest-{algorithm}.txt";

    /// <summary>The tag manifest name for <paramref name="algorithm"/>.</summary>
    public static string TagManifestName(string algorithm) => $"tagmanifest-{algorithm}.txt";

    /// <summary>The algorithm of a payload manifest at the bag's top level, or null.</summary>
    public static string? ManifestAlgorithm(string path) => Match(ManifestPattern(), path);

    /// <summary>The algorithm of a tag manifest at the bag's top level, or null.</summary>
    public static string? TagManifestAlgorithm(string path) => Match(TagManifestPattern(), path);

    /// <summary>Percent-encodes the characters RFC 8493 requires in manifest paths (CR, LF and %), and only those.</summary>
    public static string EncodePath(string path)
    {
        if (path.AsSpan().IndexOfAny('%', '\r', '\n') < 0)
        {
            return path;
        }

        var sb = new StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            sb.Append(c switch
            {
                '%' => "%25",
                '\r' => "%0D",
                '\n' => "%0A",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Reverses <see cref="EncodePath"/>; any other percent sequence is kept as it is.</summary>
    public static string DecodePath(string encoded)
    {
        if (!encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded;
        }

        var sb = new StringBuilder(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length && Decoded(encoded.AsSpan(i + 1, 2)) is { } c)
            {
                sb.Append(c);
                i += 2;
            }
            else
            {
                sb.Append(encoded[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Why <paramref name="path"/> may not name a file inside a bag, or null when it may:
    /// no absolute paths, drive letters, backslashes, empty, <c>.</c> or <c>..</c> segments (RFC 8493 §6.1).</summary>
    public static string? Unsafe(string path)
    {
        if (path.Length == 0)
        {
            return "the path is empty";
        }

        if (path.StartsWith('/') || path.StartsWith('~') || path.Contains('\\', StringComparison.Ordinal) ||
            (path.Length >= 2 && path[1] == ':'))
        {
            return "the path is absolute or not '/'-separated";
        }

        return path.Split('/').Any(s => s is "" or "." or "..")
            ? "the path has an empty, '.' or '..' segment"
            : null;
    }

    private static char? Decoded(ReadOnlySpan<char> hex) => hex switch
    {
        "25" => '%',
        "0D" or "0d" => '\r',
        "0A" or "0a" => '\n',
        _ => null,
    };

    private static string? Match(Regex pattern, string path) => pattern.Match(path) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("^manifest-([a-z0-9]+)\\.txt$", RegexOptions.CultureInvariant)]
    private static partial Regex ManifestPattern();

    [GeneratedRegex("^tagmanifest-([a-z0-9]+)\\.txt$", RegexOptions.CultureInvariant)]
    private static partial Regex TagManifestPattern();
}
