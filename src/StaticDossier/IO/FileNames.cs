using System.Text;

namespace StaticDossier.IO;

/// <summary>File names that every file system here accepts: at most 255 bytes of UTF-8 (ext4, APFS, NTFS in
/// characters, all within it). A browser's "Save page as" names a page after its title, and 80 Vietnamese
/// characters are already 208 bytes, so any name built from another must be fitted, not assumed.</summary>
internal static class FileNames
{
    /// <summary>The longest file name, in UTF-8 bytes, that ext4, XFS, btrfs and APFS accept.</summary>
    public const int MaxBytes = 255;

    /// <summary><paramref name="stem"/> cut (never inside a character) so that <paramref name="prefix"/>, the stem
    /// and <paramref name="suffix"/> together take at most <paramref name="maxBytes"/> bytes.</summary>
    public static string Fit(string prefix, string stem, string suffix, int maxBytes = MaxBytes)
    {
        var room = maxBytes - Encoding.UTF8.GetByteCount(prefix) - Encoding.UTF8.GetByteCount(suffix);
        return prefix + Truncate(stem, Math.Max(room, 0)) + suffix;
    }

    /// <summary>The longest start of <paramref name="text"/> whose UTF-8 takes at most <paramref name="maxBytes"/>
    /// bytes, ending on a whole character (a surrogate pair is never split).</summary>
    public static string Truncate(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var bytes = 0;
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }

        return text[..end];
    }
}
