namespace StaticDossier.IO;

/// <summary>Real paths (every link along the path resolved, as realpath(3) does), for deciding by where a file
/// really is whether it may be read or served: a link inside templates/ or _site/ may lead anywhere.</summary>
internal static class RealPaths
{
    /// <summary>The real path of <paramref name="path"/>; null when it does not exist or a link leads nowhere or
    /// round in a loop.</summary>
    public static string? Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var current = root;
        for (var hops = 0; parts.Count > 0;)
        {
            var next = Path.Combine(current, parts.Dequeue());
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                if (!File.Exists(next) && !Directory.Exists(next))
                {
                    return null;
                }

                current = next;
                continue;
            }

            if (++hops > 40)
            {
                return null; // Linux gives up after 40 links too (ELOOP)
            }

            var resolved = Path.GetFullPath(target, current);
            var resolvedRoot = Path.GetPathRoot(resolved)!;
            parts = new Queue<string>(resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(parts));
            current = resolvedRoot;
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or inside it (both real paths).</summary>
    public static bool IsInside(string path, string root)
    {
        var prefix = Path.TrimEndingDirectorySeparator(root);
        return path == prefix || path.StartsWith(prefix + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
