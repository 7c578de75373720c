namespace StaticDossier.Building;

/// <summary>Every input file of a build as the fingerprint listed and hashed it, with the folders it listed. <c>serve</c>
/// brings it up to date from the paths its watcher saw change (<see cref="After"/>) instead of listing and checking every
/// file again: at 10,000 articles that was some 250 ms of every save, and reading the listing again another 170 ms.</summary>
internal sealed class InputListing
{
    /// <param name="folders">The input folders that exist, full paths without a trailing separator.</param>
    /// <param name="settingsFile">site.yml's full path.</param>
    /// <param name="files">Every input file, full paths as listed, ordinal order, distinct.</param>
    /// <param name="hashes">Each file's hash as the fingerprint gives it.</param>
    /// <param name="refused">The paths a listing refused (links), ordinal order.</param>
    /// <param name="hasLinks">True when a listed folder holds a link.</param>
    public InputListing(string[] folders, string settingsFile, string[] files, string[] hashes, IReadOnlyList<string> refused, bool hasLinks)
    {
        (Folders, SettingsFile, Files, Hashes, Refused, HasLinks) = (folders, settingsFile, files, hashes, refused, hasLinks);
    }

    public string[] Folders { get; }

    public string SettingsFile { get; }

    public string[] Files { get; }

    public string[] Hashes { get; }

    public IReadOnlyList<string> Refused { get; }

    /// <summary>A file reached through a link changes where no watcher of the folders looks: such a dossier is listed
    /// and checked whole in every build.</summary>
    public bool HasLinks { get; }

    /// <summary>True when a hash stands for a file that could not be read (its stage reports it in every build).</summary>
    public static bool Unreadable(string hash) => hash.StartsWith("unreadable ", StringComparison.Ordinal);

    /// <summary>True when this listing can be brought up to date from watched paths for a build whose input folders
    /// that exist are <paramref name="folders"/> and whose settings are <paramref name="settingsFile"/>.</summary>
    public bool Fits(string[] folders, string settingsFile) =>
        !HasLinks && SettingsFile == settingsFile && Folders.AsSpan().SequenceEqual(folders) && !Array.Exists(Hashes, Unreadable);

    /// <summary>This listing after the files at <paramref name="changed"/> (full paths) were saved, made, moved or deleted;
    /// <paramref name="hash"/> hashes a file as the full listing does. Null when a path is one a listing of files alone
    /// cannot account for (a folder made, moved or removed; a link; a file in a folder it never listed; anything outside
    /// the input folders): the caller lists everything again.</summary>
    public InputListing? After(IEnumerable<string> changed, Func<string, string> hash)
    {
        var files = new List<string>(Files);
        var hashes = new List<string>(Hashes);
        foreach (var path in changed.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (path != SettingsFile && !Array.Exists(Folders, f => path.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                return null;
            }

            var info = new FileInfo(path);
            if (info.LinkTarget is not null || Directory.Exists(path))
            {
                return null;
            }

            var at = files.BinarySearch(path, StringComparer.Ordinal);
            if (!info.Exists)
            {
                if (at >= 0)
                {
                    files.RemoveAt(at);
                    hashes.RemoveAt(at);
                }
                else if (~at < files.Count && files[~at].StartsWith(path + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    // A folder that held listed files is gone (its files may have moved anywhere).
                    return null;
                }

                continue;
            }

            if (at < 0 && path != SettingsFile && !Listed(files, Path.GetDirectoryName(path)!))
            {
                return null;
            }

            var sha = hash(path);
            if (Unreadable(sha))
            {
                return null;
            }

            if (at >= 0)
            {
                hashes[at] = sha;
            }
            else
            {
                files.Insert(~at, path);
                hashes.Insert(~at, sha);
            }
        }

        return new InputListing(Folders, SettingsFile, [.. files], [.. hashes], Refused, HasLinks);
    }

    /// <summary>True when <paramref name="folder"/> is an input folder or held a listed file (so the listing walked it).</summary>
    private bool Listed(List<string> files, string folder)
    {
        if (Array.IndexOf(Folders, folder) >= 0)
        {
            return true;
        }

        var prefix = folder + Path.DirectorySeparatorChar;
        var at = files.BinarySearch(prefix, StringComparer.Ordinal);
        at = at < 0 ? ~at : at;
        return at < files.Count && files[at].StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>The listed files under <paramref name="folder"/> (a listed folder, full path), in order; null when it is
    /// not one of the listed folders.</summary>
    public IReadOnlyList<string>? Under(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (Array.IndexOf(Folders, full) < 0)
        {
            return null;
        }

        var prefix = full + Path.DirectorySeparatorChar;
        var at = Array.BinarySearch(Files, prefix, StringComparer.Ordinal);
        at = at < 0 ? ~at : at;
        var under = new List<string>();
        for (; at < Files.Length && Files[at].StartsWith(prefix, StringComparison.Ordinal); at++)
        {
            under.Add(Files[at]);
        }

        return under;
    }

    /// <summary>The listing as text, one line per file with its hash, then each refused path (what the fingerprint hashes).</summary>
    public void AppendTo(System.Text.StringBuilder text)
    {
        for (var i = 0; i < Files.Length; i++)
        {
            text.Append(Files[i]).Append(' ').Append(Hashes[i]).Append('\n');
        }

        foreach (var refused in Refused)
        {
            text.Append(refused).Append(" refused\n");
        }
    }
}
