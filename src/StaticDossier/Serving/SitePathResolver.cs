namespace StaticDossier.Serving;

/// <summary>Maps a request target to a file inside the site folder, and to nothing else: <c>..</c> segments,
/// encoded or not, backslashes and NUL are refused rather than normalised away.</summary>
internal static class SitePathResolver
{
    /// <summary>The file <paramref name="target"/> (e.g. <c>/articles/x.html?y#z</c>) names under
    /// <paramref name="siteRoot"/>; null when it is refused. A folder resolves to its <c>index.html</c>.</summary>
    public static string? Resolve(string siteRoot, string target)
    {
        var end = target.IndexOfAny(['?', '#']);
        var path = end >= 0 ? target[..end] : target;
        if (!path.StartsWith('/'))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return null;
        }

        if (decoded.Contains('\\', StringComparison.Ordinal) || decoded.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var segments = decoded.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is ".." or "." || s.Contains(':', StringComparison.Ordinal)))
        {
            return null;
        }

        var root = Path.GetFullPath(siteRoot).TrimEnd(Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(Path.Combine([root, .. segments]));
        if (full != root && !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        var file = Directory.Exists(full) ? Path.Combine(full, "index.html") : full;
        // Decided by real path, as the build decides for templates: a link inside the site that leads out of it is refused.
        return IO.RealPaths.Of(file) is { } real && !IO.RealPaths.IsInside(real, IO.RealPaths.Of(root) ?? root) ? null : file;
    }
}
