using System.Text;

namespace StaticDossier.Publishing;

/// <summary>Decides whether a folder may be replaced by a published site. Publishing replaces the output folder
/// whole, so a mistyped <c>--out</c> (the seeds, <c>templates/assets</c>, a folder of the user's own files) would
/// delete whatever it holds. Only a folder that is missing, empty, or carries the stamp a build leaves in every
/// site it writes may be replaced; and even a stamped folder is refused when sources appear in it.</summary>
public static class OutputFolderGuard
{
    /// <summary>The stamp's file name, at the top of every published site.</summary>
    public const string StampName = ".dossier-site";

    /// <summary>The stamp's exact bytes: a file of that name holding anything else is not ours.</summary>
    public static readonly byte[] StampBytes = Encoding.UTF8.GetBytes(
        "This folder was written by StaticDossier (dossier build); the next build replaces it whole.\n");

    /// <summary>Names whose presence shows a folder is a dossier or a repository, not a built site.</summary>
    private static readonly string[] SourceMarkers = ["site.yml", ".git", ".ingest"];

    private static readonly string[] SourceExtensions = [".md", ".sbn", ".seed.yml", ".csproj", ".sln"];

    /// <summary>Why <paramref name="outputDir"/> must not be replaced, or null when it may be. <paramref name="published"/>
    /// lists the output paths the new site writes (a site may publish a .md file); without it (a check before any
    /// work) sources inside a stamped folder are left to the check at publishing time.</summary>
    public static string? Refusal(string outputDir, IEnumerable<string>? published = null)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        if (full.Length == 0 || Path.GetDirectoryName(full) is null)
        {
            return $"Refusing to publish to the root folder '{Path.GetFullPath(outputDir)}'. Choose a folder of its own.";
        }

        if (File.Exists(full))
        {
            return $"Refusing to publish to '{full}': it is a file, not a folder.";
        }

        if (!Directory.Exists(full))
        {
            return null;
        }

        if (new FileInfo(full).LinkTarget is not null)
        {
            return $"Refusing to replace '{full}': it is a symbolic link. Choose a real folder.";
        }

        if (!Directory.EnumerateFileSystemEntries(full).Any())
        {
            return null;
        }

        if (!HasStamp(full))
        {
            return $"Refusing to replace '{full}': it is not empty and was not written by 'dossier build' (it has no {StampName} stamp). " +
                   "Choose a new or empty folder, or remove this one yourself.";
        }

        if (published is not null && FindSource(full, published) is { } source)
        {
            return $"Refusing to replace '{full}': it holds '{Path.GetRelativePath(full, source)}', so it is not a built site. Choose another output_dir.";
        }

        return null;
    }

    /// <summary>Writes the stamp into a staged site, so the next build may replace it; linked from
    /// <paramref name="publishedDir"/> when it has one, so that, like every unchanged file, it keeps its time.</summary>
    public static void Stamp(string stagingDir, string publishedDir)
    {
        var target = Path.Combine(stagingDir, StampName);
        if (HasStamp(publishedDir))
        {
            IO.HardLink.LinkOrCopy(Path.Combine(publishedDir, StampName), target);
        }
        else
        {
            IO.NewFile.Write(target, StampBytes);
        }
    }

    /// <summary>Whether <paramref name="relativePath"/> (in a site folder) is the stamp rather than a page.</summary>
    public static bool IsStamp(string relativePath) => relativePath == StampName;

    private static bool HasStamp(string dir)
    {
        var stamp = new FileInfo(Path.Combine(dir, StampName));
        if (!stamp.Exists || stamp.LinkTarget is not null || stamp.Length != StampBytes.Length)
        {
            return false;
        }

        try
        {
            return File.ReadAllBytes(stamp.FullName).AsSpan().SequenceEqual(StampBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The first file or folder (three levels deep at most) showing <paramref name="dir"/> holds sources:
    /// one that looks like a source and that the new site does not publish again.</summary>
    private static string? FindSource(string dir, IEnumerable<string> published)
    {
        var again = published.ToHashSet(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3, IgnoreInaccessible = true, AttributesToSkip = 0 };
        return Directory.EnumerateFileSystemEntries(dir, "*", options)
            .FirstOrDefault(entry =>
            {
                var entryName = Path.GetFileName(entry);
                var looksLikeSource = SourceMarkers.Contains(entryName, StringComparer.Ordinal)
                                      || SourceExtensions.Any(ext => entryName.EndsWith(ext, StringComparison.OrdinalIgnoreCase));
                return looksLikeSource && !again.Contains(Path.GetRelativePath(dir, entry).Replace('\\', '/'));
            });
    }
}
