using System.IO.Enumeration;

namespace StaticDossier.IO;

/// <summary>Why a file under a dossier folder may not be read.</summary>
internal enum RefusalKind
{
    /// <summary>A link whose real path is outside the dossier: its text is not the dossier's to publish.</summary>
    OutsideDossier,

    /// <summary>A link that leads nowhere, or round in a loop.</summary>
    BrokenLink,
}

/// <summary>A file (or linked folder) a listing left out, and why.</summary>
/// <param name="Path">The path as found under the listed folder.</param>
/// <param name="Kind">Why it was left out.</param>
/// <param name="Reason">The reason in words, naming the link's target.</param>
internal sealed record RefusedFile(string Path, RefusalKind Kind, string Reason);

/// <summary>The files of a dossier folder that may be read, and those that may not.</summary>
/// <param name="Files">Full paths as found (not resolved), ordinal order.</param>
/// <param name="Refused">Entries that matched but are refused, ordinal order.</param>
internal sealed record DossierListing(IReadOnlyList<string> Files, IReadOnlyList<RefusedFile> Refused)
{
    /// <summary>True when the folder holds a link (followed or not): a file's content then depends on a path outside
    /// the listing, which a watcher of the folder would not see change.</summary>
    public bool HasLinks { get; init; }
}

/// <summary>The one way seeds, content pages and the files a snapshot packs are listed and read. A link is
/// followed only when its real path stays inside the dossier (so ingest, build and snapshot agree on what a
/// dossier holds); a file is read only up to a cap counted while reading, since a link to a device or a file
/// still growing has no honest size in its metadata; and a file whose metadata gives no size at all (a pipe
/// or device node: opening one for reading blocks until someone writes) is never opened.</summary>
internal static class DossierFiles
{
    /// <summary>Lists <paramref name="folder"/> (with <paramref name="recursive"/>, its folders too, linked ones
    /// when they stay inside the dossier) for the files <paramref name="include"/> accepts (given the path relative
    /// to <paramref name="folder"/>, forward slashes). Inside the dossier means inside <paramref name="dossierRoot"/>
    /// (the folder of site.yml) or inside <paramref name="folder"/> itself, which site.yml may place elsewhere.</summary>
    public static DossierListing List(string folder, string dossierRoot, bool recursive, Func<string, bool> include)
    {
        var files = new List<string>();
        var refused = new List<RefusedFile>();
        var start = Path.GetFullPath(folder);
        var roots = Roots(dossierRoot, folder);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        if (RealPath(start) is { } realStart)
        {
            visited.Add(realStart);
        }

        var pending = new Stack<string>();
        var hasLinks = false;
        pending.Push(start);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            // Each entry's path relative to the folder is its directory's followed by its name.
            var under = dir == start ? string.Empty : Path.GetRelativePath(start, dir).Replace('\\', '/') + "/";
            foreach (var (entry, isLink, isDirectoryEntry) in Entries(dir))
            {
                var relative = under + Path.GetFileName(entry).Replace('\\', '/');
                var isDirectory = isDirectoryEntry && !isLink;
                if (isLink)
                {
                    hasLinks = true;
                    var target = RealPath(entry);
                    isDirectory = target is not null && Directory.Exists(target);
                    if (!isDirectory && !include(relative))
                    {
                        continue;
                    }

                    if (isDirectory && !recursive)
                    {
                        continue;
                    }

                    if (target is null || (!isDirectory && !File.Exists(target)))
                    {
                        refused.Add(new RefusedFile(entry, RefusalKind.BrokenLink, $"it is a link to '{new FileInfo(entry).LinkTarget}', which leads nowhere (missing, or a loop of links)"));
                        continue;
                    }

                    if (!roots.Any(r => IsInside(target, r)))
                    {
                        refused.Add(new RefusedFile(entry, RefusalKind.OutsideDossier,
                            $"it is a link to '{target}', outside the dossier; only files inside the dossier are read. Copy the file in instead of linking to it"));
                        continue;
                    }

                    if (isDirectory)
                    {
                        // A link back to a folder already listed (a loop, or the same folder twice) adds nothing.
                        if (visited.Add(target))
                        {
                            pending.Push(entry);
                        }

                        continue;
                    }
                }
                else if (isDirectory)
                {
                    if (recursive && RealPath(entry) is { } real && visited.Add(real))
                    {
                        pending.Push(entry);
                    }

                    continue;
                }

                if (include(relative))
                {
                    files.Add(entry);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        refused.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        return new DossierListing(files, refused) { HasLinks = hasLinks };
    }

    /// <summary>Why <paramref name="file"/> (a seed or page named on its own, say on the command line) may not be
    /// read, by the same rule as <see cref="List"/>; null when it may.</summary>
    public static RefusedFile? Refusal(string file, string dossierRoot)
    {
        var full = Path.GetFullPath(file);
        var link = new FileInfo(full).LinkTarget;
        if (link is null)
        {
            return null;
        }

        var target = RealPath(full);
        if (target is null || !File.Exists(target))
        {
            return new RefusedFile(full, RefusalKind.BrokenLink, $"it is a link to '{link}', which leads nowhere (missing, or a loop of links)");
        }

        return Roots(dossierRoot, Path.GetDirectoryName(full)!).Any(r => IsInside(target, r))
            ? null
            : new RefusedFile(full, RefusalKind.OutsideDossier,
                $"it is a link to '{target}', outside the dossier; only files inside the dossier are read. Copy the file in instead of linking to it");
    }

    private static string[] Roots(string dossierRoot, string folder) =>
        [RealPath(dossierRoot) ?? Path.GetFullPath(dossierRoot), RealPath(folder) ?? Path.GetFullPath(folder)];

    // The entry's kind comes from the directory listing itself, with no further system call per file: content/ may hold
    // a hundred thousand pages, and every build lists them all, on one core. An entry's attributes would cost a call
    // each (0.4 s at 100,000 pages), so the entries that are not links are listed first, links skipped by the kind the
    // listing gives; the names listed besides them are the links (an entry made between the two listings is asked).
    private static IEnumerable<(string Path, bool IsLink, bool IsDirectory)> Entries(string dir)
    {
        var plain = new FileSystemEnumerable<(string Path, bool IsDirectory)>(dir, (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory),
            new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false }).ToList();
        var listed = new HashSet<string>(plain.Count, StringComparer.Ordinal);
        foreach (var (path, isDirectory) in plain)
        {
            listed.Add(path);
            yield return (path, false, isDirectory);
        }

        foreach (var path in new FileSystemEnumerable<string>(dir, (ref FileSystemEntry e) => e.ToFullPath(),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }))
        {
            if (!listed.Contains(path))
            {
                var info = new FileInfo(path);
                yield return info.LinkTarget is not null ? (path, true, false) : (path, false, Directory.Exists(path));
            }
        }
    }

    /// <summary>Reads <paramref name="path"/> whole, or returns null when it holds more than <paramref name="cap"/>
    /// bytes; <paramref name="size"/> is then its size, or minus the bytes counted when it grew past the cap while
    /// being read (the cap is counted while reading, not taken from metadata alone). A file
    /// whose metadata says it is empty is not opened: it is empty, or a pipe or a device, and reading those blocks or
    /// never ends; a pipe, device or socket is refused with an <see cref="IOException"/> saying so.</summary>
    /// <exception cref="IOException">The file cannot be read, or is not a regular file.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static byte[]? Read(string path, long cap, out long size)
    {
        var length = new FileInfo(path).Length;
        size = length;
        if (length == 0)
        {
            return FileKinds.Of(path) is var kind and not (FileKind.Regular or FileKind.Unknown)
                ? throw new IOException($"'{Path.GetFileName(path)}' is {FileKinds.Describe(kind)}, not a regular file; pipes, devices and sockets are never opened.")
                : [];
        }

        if (length > cap)
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return ReadCapped(stream, length, cap, out size);
    }

    /// <summary>The rest of <see cref="Read"/>: <paramref name="length"/> bytes as the metadata promised, then whatever the
    /// file grew by while it was read, counted against <paramref name="cap"/>.</summary>
    internal static byte[]? ReadCapped(Stream stream, long length, long cap, out long size)
    {
        size = length;
        var buffer = new byte[length];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                // The file shrank since its size was taken: what is there is the file.
                size = read;
                return buffer[..read];
            }

            read += n;
        }

        // The file may have grown since: anything past its size counts against the cap too. One byte asks first: a
        // chunk for every file read was 80 KB to collect per page (8 GB at 100,000 articles, in the fingerprint alone).
        Span<byte> probe = stackalloc byte[1];
        if (stream.Read(probe) == 0)
        {
            return buffer;
        }

        var more = new MemoryStream();
        more.Write(probe);
        if (read + more.Length > cap)
        {
            size = -(read + more.Length);
            return null;
        }

        var chunk = new byte[81920];
        int got;
        while ((got = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            more.Write(chunk, 0, got);
            if (read + more.Length > cap)
            {
                size = -(read + more.Length);
                return null;
            }
        }

        return more.Length == 0 ? buffer : [.. buffer, .. more.ToArray()];
    }

    /// <summary>True when the real path <paramref name="path"/> is <paramref name="root"/> or inside it.</summary>
    public static bool IsInside(string path, string root)
    {
        var prefix = Path.TrimEndingDirectorySeparator(root);
        return path == prefix || path.StartsWith(prefix + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>The path with every link along it resolved (as realpath(3) does); null when a link leads nowhere or
    /// round in a loop.</summary>
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var current = root;
        var hops = 0;
        while (parts.Count > 0)
        {
            var part = parts.Dequeue();
            var next = Path.Combine(current, part);
            FileSystemInfo info = new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                if (!info.Exists && !Directory.Exists(next))
                {
                    return null;
                }

                current = next;
                continue;
            }

            // 40 links, as Linux allows (ELOOP), before the path is taken for a loop.
            if (++hops > 40)
            {
                return null;
            }

            var resolved = Path.GetFullPath(target, current);
            var rest = parts.ToArray();
            var resolvedRoot = Path.GetPathRoot(resolved)!;
            parts = new Queue<string>(resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
            current = resolvedRoot;
        }

        return current;
    }
}
