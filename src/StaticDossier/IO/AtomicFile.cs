using System.Text;
using System.Text.RegularExpressions;

namespace StaticDossier.IO;

/// <summary>Writes files so a reader (or a crash) never sees half of one: write a temporary sibling, then rename.</summary>
public static partial class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> in one step.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8.GetBytes(text));

    /// <summary>Replaces <paramref name="path"/> with <paramref name="bytes"/> in one step; <paramref name="durable"/>
    /// writes through to the disk first (a cache that only saves time may skip it).</summary>
    public static void WriteAllBytes(string path, byte[] bytes, bool durable = true) => Write(path, stream => stream.Write(bytes), durable);

    /// <summary>Creates <paramref name="path"/> holding <paramref name="bytes"/> in one step, unless a file of that name
    /// exists: then nothing is replaced and the answer is false.</summary>
    public static bool TryCreate(string path, byte[] bytes)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.WriteThrough))
            {
                stream.Write(bytes);
            }

            try
            {
                File.Move(temp, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Replaces <paramref name="path"/> with what <paramref name="write"/> writes, in one step; for content
    /// too large to hold twice in memory.</summary>
    public static void Write(string path, Action<Stream> write, bool durable = true)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, TemporaryName(Path.GetFileName(path)));
        try
        {
            // A 64 KB buffer: a streamed file of 100 MB (the Markdown cache) went out in 24,000 writes of 4 KB. Flushed to
            // disk once at the end, not written through: streamed JSON comes in many writes, each then waited for.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: durable);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The temporary sibling's name for <paramref name="fileName"/>: hidden, recognisable by
    /// <see cref="IsTemporary"/>, and within 255 bytes however long the target's name is (the target's name is
    /// kept only as far as it fits; the random part makes it unique).</summary>
    internal static string TemporaryName(string fileName) =>
        FileNames.Fit(".", fileName, $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

    /// <summary>True for a name <see cref="TemporaryName"/> makes: what a killed writer leaves behind.</summary>
    public static bool IsTemporary(string fileName) => TemporaryPattern().IsMatch(fileName);

    /// <summary>Deletes the temporary files killed writers left in <paramref name="dir"/> (not below it); the caller
    /// must know that no writer is at work there. Returns how many were removed.</summary>
    public static int RemoveTemporaries(string dir)
    {
        if (!Directory.Exists(dir))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(dir, ".*.tmp", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            if (IsTemporary(Path.GetFileName(file)))
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    [GeneratedRegex(@"^\..*\.[0-9]+\.[0-9a-f]{32}\.tmp$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryPattern();
}
