using System.Diagnostics;
using System.Text.Json.Serialization;
using StaticDossier.Rendering;

namespace StaticDossier.Publishing;

/// <summary>Writes the finished site to a temporary sibling folder, then swaps it in: a failed or
/// interrupted build leaves the previous site as it was. Nothing is written outside the output folder,
/// and only a folder <see cref="OutputFolderGuard"/> allows (missing, empty, or stamped by a build) is replaced. Given what the
/// previous build published, a file whose bytes did not change is hard-linked from the previous site instead
/// of written again: it keeps its time, and a one-page change costs one page of writing. "Did not change" is
/// checked on the bytes themselves: the published file must be as the last build left it (size and time) and
/// hold exactly the new bytes.</summary>
internal static class SiteWriter
{
    /// <summary>The tag in the name of the hidden sibling a site is staged in.</summary>
    internal const string StagingTag = ".staging-";

    /// <summary>The tag in the name of the hidden sibling the previous site waits in during the swap.</summary>
    internal const string PreviousTag = ".previous-";

    /// <summary>Publishes <paramref name="files"/> as the whole content of <paramref name="outputDir"/>.
    /// <paramref name="previous"/>, when given, is what the last build published (from the build cache): files
    /// that did not change are linked from the previous site. <paramref name="publishIf"/>, when given, is asked
    /// once every file is staged: false leaves the previous site as it was (the staged files are deleted) and
    /// makes this return null.</summary>
    /// <exception cref="InvalidOperationException">A path leaves the output folder, or the folder is not a site.</exception>
    /// <exception cref="IOException">The disk refused.</exception>
    public static WriteResult? Write(string outputDir, IReadOnlyList<OutputFile> files,
        IReadOnlyDictionary<string, OutputRecord>? previous = null, Func<bool>? publishIf = null)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        _ = Path.GetDirectoryName(full) ?? throw new InvalidOperationException($"Refusing to publish to the root folder '{full}'.");
        Targets(files); // every path checked before anything is written
        if (OutputFolderGuard.Refusal(full) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        using var staged = StagedSite.Open(outputDir, previous);
        Parallel.For(0, files.Count, i => staged.Put(files[i]));
        return staged.Publish(publishIf, previous);
    }

    /// <summary>Checks every output path before anything is written: relative, no '..', no duplicates.</summary>
    internal static string[] Targets(IReadOnlyList<OutputFile> files)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var targets = new string[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var path = files[i].OutputPath;
            targets[i] = Target(path);

            // Case-insensitive: the site must also publish whole to a case-insensitive disk or web host.
            if (!seen.Add(path))
            {
                throw new InvalidOperationException($"Refusing to write '{path}' twice.");
            }
        }

        return targets;
    }

    /// <summary>The file-system path, relative to the site's folder, of the output path <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">The path is empty, absolute, or leaves the output folder.</exception>
    internal static string Target(string path)
    {
        var segments = path.Split('/');
        if (path.Length == 0 || path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal)
            || Path.IsPathRooted(path) || segments.Any(s => s is "" or "." or ".."))
        {
            throw new InvalidOperationException($"Refusing to write '{path}': output paths stay inside the output folder.");
        }

        return Path.Combine(segments);
    }

    /// <summary>Cleans up after a run that was killed: a lost swap is undone (the previous site comes back),
    /// and leftovers of dead runs go. Safe to call at any time.</summary>
    public static void Recover(string outputDir)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        if (Path.GetDirectoryName(full) is { } parent && Directory.Exists(parent))
        {
            Recover(parent, Path.GetFileName(full), full);
        }
    }

    private static void Recover(string parent, string name, string full)
    {
        var leftovers = Directory.EnumerateDirectories(parent, $".{name}.*")
            .Select(dir => (Dir: dir, Pid: PidOf(Path.GetFileName(dir), name)))
            .Where(x => x.Pid is { } pid && pid != Environment.ProcessId && !IsAlive(pid))
            .Select(x => x.Dir)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var dir in leftovers)
        {
            if (!Directory.Exists(full) && Path.GetFileName(dir).Contains(PreviousTag, StringComparison.Ordinal))
            {
                Directory.Move(dir, full);
            }
            else
            {
                StagedSite.DeleteIfExists(dir);
            }
        }
    }

    private static int? PidOf(string folder, string name)
    {
        foreach (var tag in new[] { StagingTag, PreviousTag })
        {
            var prefix = $".{name}{tag}";
            if (folder.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(folder.AsSpan(prefix.Length), out var pid))
            {
                return pid;
            }
        }

        return null;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>What a write did.</summary>
/// <param name="Outputs">The published files, as recorded for the next build.</param>
/// <param name="Written">Files written afresh.</param>
/// <param name="Unchanged">Files carried over from the previous site untouched.</param>
/// <param name="Removed">Files of the previous site that are gone.</param>
internal sealed record WriteResult(Dictionary<string, OutputRecord> Outputs, int Written, int Unchanged, int Removed);

/// <summary>One published file: the size and time it was written with, to notice a hand edit.</summary>
internal sealed record OutputRecord(
    [property: JsonPropertyName("length")] long Length,
    [property: JsonPropertyName("mtime")] long LastWriteTicks)
{
    public bool Matches(FileInfo file) =>
        file.Exists && file.Length == Length && file.LastWriteTimeUtc.Ticks == LastWriteTicks;
}
