using System.Diagnostics;
using System.Text.Json.Serialization;
using StaticDossier.IO;
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
    private const string StagingTag = ".staging-";
    private const string PreviousTag = ".previous-";

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
        var parent = Path.GetDirectoryName(full)
            ?? throw new InvalidOperationException($"Refusing to publish to the root folder '{full}'.");
        var name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        Recover(parent, name, full);
        var targets = Targets(files);
        if (OutputFolderGuard.Refusal(full, files.Select(f => f.OutputPath)) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        var reuse = previous is not null && Directory.Exists(full) ? previous : null;
        OutputRecord[] records;
        int linked;
        var staging = Path.Combine(parent, $".{name}{StagingTag}{Environment.ProcessId}");
        var previousSite = Path.Combine(parent, $".{name}{PreviousTag}{Environment.ProcessId}");
        DeleteIfExists(staging);
        DeleteIfExists(previousSite);
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var dir in targets.Select(t => Path.GetDirectoryName(Path.Combine(staging, t))!).Distinct(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(dir);
            }

            try
            {
                (records, linked) = Stage(files, targets, staging, full, reuse);
            }
            catch (AggregateException ex) when (ex.InnerExceptions.FirstOrDefault(e => e is IOException or UnauthorizedAccessException) is { } io)
            {
                // A full disk fails every writer at once: report the first, as one file-system error.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(io);
                throw; // not reached: Throw rethrows io
            }

            OutputFolderGuard.Stamp(staging, full);
            if (publishIf is not null && !publishIf())
            {
                DeleteIfExists(staging);
                return null;
            }

            // Between these two moves the output folder is briefly absent; Recover() puts the previous
            // site back if a run is killed exactly there.
            if (Directory.Exists(full))
            {
                Directory.Move(full, previousSite);
            }

            Directory.Move(staging, full);
            DeleteIfExists(previousSite);
        }
        catch
        {
            DeleteIfExists(staging);
            if (!Directory.Exists(full) && Directory.Exists(previousSite))
            {
                Directory.Move(previousSite, full);
            }

            throw;
        }

        var outputs = new Dictionary<string, OutputRecord>(files.Count, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            outputs[files[i].OutputPath] = records[i];
        }

        var removed = previous?.Keys.Count(k => !outputs.ContainsKey(k)) ?? 0;
        return new WriteResult(outputs, files.Count - linked, linked, removed);
    }

    /// <summary>Puts every file in the staging folder, on every core: linked from the published site when
    /// <paramref name="reuse"/> records it as unchanged and it holds exactly the new bytes, written otherwise.</summary>
    private static (OutputRecord[] Records, int Linked) Stage(IReadOnlyList<OutputFile> files, string[] targets, string staging, string full,
        IReadOnlyDictionary<string, OutputRecord>? reuse)
    {
        var records = new OutputRecord[files.Count];
        var linked = 0;
        Parallel.For(0, files.Count, i =>
        {
            var target = Path.Combine(staging, targets[i]);
            var file = files[i];
            var published = Path.Combine(full, targets[i]);
            if (reuse is not null && reuse.TryGetValue(file.OutputPath, out var before) && before.Length == file.Bytes.Length
                && before.Matches(new FileInfo(published)) && HoldsExactly(published, file.Bytes))
            {
                HardLink.LinkOrCopy(published, target);
                records[i] = new OutputRecord(file.Bytes.Length, File.GetLastWriteTimeUtc(target).Ticks);
                Interlocked.Increment(ref linked);
            }
            else
            {
                records[i] = new OutputRecord(file.Bytes.Length, NewFile.Write(target, file.Bytes).Ticks);
            }
        });
        return (records, linked);
    }

    /// <summary>Whether the published file at <paramref name="path"/> holds exactly <paramref name="bytes"/>. Compared byte
    /// for byte rather than by a hash kept from the last build: a first build then hashes nothing (a site's worth of
    /// SHA-256), a hand edit that kept the file's size and time is caught, and a later build pays for reading the
    /// published files back (measured a little dearer than hashing the new ones).</summary>
    private static bool HoldsExactly(string path, byte[] bytes)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            using var handle = File.OpenHandle(path);
            if (RandomAccess.GetLength(handle) != bytes.Length)
            {
                return false;
            }

            for (var at = 0; at < bytes.Length;)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, Math.Min(buffer.Length, bytes.Length - at)), at);
                if (read == 0 || !buffer.AsSpan(0, read).SequenceEqual(bytes.AsSpan(at, read)))
                {
                    return false;
                }

                at += read;
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable: written afresh
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Checks every output path before anything is written: relative, no '..', no duplicates.</summary>
    internal static string[] Targets(IReadOnlyList<OutputFile> files)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var targets = new string[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var path = files[i].OutputPath;
            var segments = path.Split('/');
            if (path.Length == 0 || path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal)
                || Path.IsPathRooted(path) || segments.Any(s => s is "" or "." or ".."))
            {
                throw new InvalidOperationException($"Refusing to write '{path}': output paths stay inside the output folder.");
            }

            // Case-insensitive: the site must also publish whole to a case-insensitive disk or web host.
            if (!seen.Add(path))
            {
                throw new InvalidOperationException($"Refusing to write '{path}' twice.");
            }

            targets[i] = Path.Combine(segments);
        }

        return targets;
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
                DeleteIfExists(dir);
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

    private static void DeleteIfExists(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
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
