using System.IO.Compression;
using System.Text;

namespace StaticDossier.Archiving;

/// <summary>Decides whether <c>snapshot --out</c> may write its zip to a path: a new file, or an earlier snapshot
/// this tool wrote (a zip whose single bag's bag-info.txt names StaticDossier as its Bag-Software-Agent). Anything
/// else that exists there (site.yml, a page of the site, a folder) is refused, before any work.</summary>
public static class SnapshotTarget
{
    /// <summary>bag-info.txt is read no further than this: ours is a few hundred bytes.</summary>
    private const int MaxInfoBytes = 64 * 1024;

    /// <summary>Why the snapshot must not be written to <paramref name="path"/>, or null when it may be.</summary>
    public static string? Refusal(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"Refusing to write the snapshot to '{full}': it is a folder. Give the zip file's path.";
        }

        if (!File.Exists(full))
        {
            return null;
        }

        return IsOurSnapshot(full)
            ? null
            : $"Refusing to overwrite '{full}': it is not a snapshot written by dossier. Choose a new file name, or remove it yourself.";
    }

    private static bool IsOurSnapshot(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var tops = zip.Entries.Select(e => e.FullName.Split('/')[0]).Distinct(StringComparer.Ordinal).ToList();
            if (tops.Count != 1 || zip.GetEntry($"{tops[0]}/{BagLayout.Info}") is not { Length: <= MaxInfoBytes } info)
            {
                return false;
            }

            using var stream = info.Open();
            var buffer = new byte[MaxInfoBytes + 1];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var text = Encoding.UTF8.GetString(buffer, 0, Math.Min(length, MaxInfoBytes));
            return text.Split('\n').Any(line => line.StartsWith($"Bag-Software-Agent: {GeneratorInfo.Name} ", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }
}
