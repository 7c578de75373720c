using System.IO.Hashing;
using StaticDossier.IO;
using StaticDossier.Rendering;

namespace StaticDossier.Publishing;

/// <summary>What a long-lived builder (<c>serve</c>) published last, per output path: a 128-bit hash of the bytes and the
/// size and time the file was left with. The next build then writes in place only the files whose bytes changed, each
/// atomically (a temporary sibling renamed over it), and removes the files it no longer makes: no staging of the whole
/// site, no reading unchanged files back. A file changed on disk since (its size or time differ) is written again; which
/// files to look at on disk, an <see cref="OutputWatch"/> on the folder says (those something touched since), so a save
/// costs the files it changes rather than a stat of every file of the site. Without a sure watch every file is looked at.
/// Only the whole-site swap of <see cref="SiteWriter.Write"/> is given up: a reader may see some pages of the new site
/// beside others of the old for the moment the writes take, which a preview reloaded after them never shows.</summary>
internal sealed class PublishedSite : IDisposable
{
    /// <summary>How long a build waits for the watch to have seen every change made before it.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>A build writing more files than this stops the watch meanwhile (its own writes would flood the system's
    /// event queue, which every watch of the process shares) and looks at every file after starting a new one.</summary>
    private const int ManyWrites = 1000;

    private Dictionary<string, (UInt128 Hash, OutputRecord Record)> _files;
    private OutputWatch? _watch;

    // The last build's files in its order, with their hashes and records: a save in serve makes the same paths in the
    // same order, so each file is matched by its place (and an unchanged page by its very array) rather than looked up
    // by path in a dictionary of the whole site, and the records are copied rather than gathered again.
    private Published? _last;

    /// <summary>The files of one build in its order, and the records it left (the same records as <c>_files</c>).</summary>
    private sealed record Published(string[] Paths, byte[][] Bytes, UInt128[] Hashes, OutputRecord[] Records, Dictionary<string, OutputRecord> Outputs);

    // The hash of each file's bytes by the array itself, while it lives: a page the render memo kept is the same array
    // build after build, and hashing the whole site (hundreds of megabytes) on every save is not needed.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], System.Runtime.CompilerServices.StrongBox<UInt128>> _hashes = new();

    private PublishedSite(string outputDir, Dictionary<string, (UInt128 Hash, OutputRecord Record)> files) => (OutputDir, _files) = (outputDir, files);

    /// <summary>The output folder, full path.</summary>
    public string OutputDir { get; }

    /// <summary>Files the last <see cref="Update(IReadOnlyList{OutputFile})"/> looked at on disk (their size and time): for tests.</summary>
    internal int Looked { get; private set; }

    /// <summary>What <see cref="SiteWriter.Write"/> just published of <paramref name="files"/> into <paramref name="outputDir"/>;
    /// the folder is watched from now on, and each file looked at once (a change before the watch began is seen so).</summary>
    public static PublishedSite Of(string outputDir, IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, OutputRecord> records)
    {
        var hashes = new UInt128[files.Count];
        Parallel.For(0, files.Count, i => hashes[i] = XxHash128.HashToUInt128(files[i].Bytes));
        var published = new Dictionary<string, (UInt128, OutputRecord)>(files.Count, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            published[files[i].OutputPath] = (hashes[i], records[files[i].OutputPath]);
        }

        var site = new PublishedSite(Full(outputDir), published);
        for (var i = 0; i < files.Count; i++)
        {
            site._hashes.AddOrUpdate(files[i].Bytes, new(hashes[i]));
        }

        site._watch = OutputWatch.Start(site.OutputDir);
        site.Forget(site.Changed(files.Select(f => f.OutputPath).ToList()));
        return site;
    }

    /// <summary>Whether <paramref name="outputDir"/> is still the folder this site was published to, with its stamp.</summary>
    public bool Fits(string outputDir) =>
        Full(outputDir) == OutputDir && Directory.Exists(OutputDir) && File.Exists(Path.Combine(OutputDir, OutputFolderGuard.StampName))
        && new FileInfo(OutputDir).LinkTarget is null;

    /// <summary>Makes the output folder hold <paramref name="files"/>: a file whose bytes are as published and which
    /// nothing touched since (or whose on-disk size and time are still as published) is left alone, any other is written
    /// atomically, and a published file no longer made is deleted (with the folders it leaves empty).</summary>
    /// <exception cref="InvalidOperationException">An output path leaves the output folder.</exception>
    /// <exception cref="IOException">The disk refused; what was written so far stays, each file whole.</exception>
    public WriteResult Update(IReadOnlyList<OutputFile> files) => Update(files, static () => true)!;

    /// <summary>As <see cref="Update(IReadOnlyList{OutputFile})"/>, once <paramref name="ready"/> says yes: it is asked when
    /// what to write is known (the watch heard, the bytes hashed) and before anything is written, so serve's link check
    /// runs meanwhile. When it says no, nothing is written and null is returned; the next update looks at what this one
    /// would have.</summary>
    public WriteResult? Update(IReadOnlyList<OutputFile> files, Func<bool> ready)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Each file's place in the last build (most files of most saves in serve; a tags save adds or removes a page), and
        // the paths published then and not made now: a file is known by its place, not looked up by path in a dictionary of
        // the whole site. Null when the places are not known.
        var last = _last;
        var (at, gone) = Align(files, last);
        var allKnown = true;
        for (var i = 0; i < files.Count; i++)
        {
            allKnown = allKnown && ((at is not null && at[i] >= 0) || _files.ContainsKey(files[i].OutputPath));
        }

        // Paths known from the last build were checked then; new ones are checked, for duplicates against the others too.
        var targets = at is not null ? CheckNew(files, at, gone!, last!) : allKnown ? null : SiteWriter.Targets(files);
        var touched = Touched();
        var settled = clock.ElapsedMilliseconds;
        var records = new OutputRecord[files.Count];
        var hashes = new UInt128[files.Count];
        var fates = new Fate[files.Count];
        // As many files as last time, each of a path it published: the same paths.
        var samePaths = at is not null && allKnown && gone!.Count == 0 && files.Count == last!.Paths.Length;
        Parallel.For(0, files.Count, i =>
        {
            var file = files[i];
            (UInt128 Hash, OutputRecord Record) before;
            if (at is not null && at[i] >= 0)
            {
                // The very bytes published are the same hash.
                var j = at[i];
                hashes[i] = ReferenceEquals(last!.Bytes[j], file.Bytes) ? last.Hashes[j] : Hash(file.Bytes);
                before = (last.Hashes[j], last.Records[j]);
            }
            else
            {
                hashes[i] = Hash(file.Bytes);
                if (!_files.TryGetValue(file.OutputPath, out before))
                {
                    fates[i] = Fate.Write;
                    return;
                }
            }

            if (before.Hash != hashes[i] || before.Record.Length != file.Bytes.Length)
            {
                fates[i] = Fate.Write;
                return;
            }
            records[i] = before.Record;
            fates[i] = touched is null ? Fate.Look : touched.Has(file.OutputPath) ? Fate.Compare : Fate.Keep;
        });

        var hashed = clock.ElapsedMilliseconds;
        if (!ready())
        {
            // Nothing written: what the watch heard is heard again by the next update (or every file looked at), and
            // the published paths are as they were.
            _folded = null;
            if (touched is not null)
            {
                _watch?.GiveBack(touched.Paths);
            }
            else
            {
                _lookAll = true;
            }

            return null;
        }

        var awaited = clock.ElapsedMilliseconds;
        var writes = fates.Count(f => f == Fate.Write);
        var restart = writes > ManyWrites && _watch is not null;
        if (restart)
        {
            _watch!.Dispose();
            _watch = null;
        }

        var written = 0;
        var looked = 0;
        Run(i => fates[i] != Fate.Keep);
        if (restart)
        {
            // Whatever changed while the watch was stopped is found by looking at every file not just written.
            _watch = OutputWatch.Start(OutputDir);
            for (var i = 0; i < fates.Length; i++)
            {
                fates[i] = fates[i] == Fate.Written ? Fate.Written : Fate.Look;
            }

            Run(i => fates[i] == Fate.Look);
        }

        Looked = looked;
        var wrote = clock.ElapsedMilliseconds;
        var removed = 0;
        Dictionary<string, OutputRecord> outputs;
        if (at is not null)
        {
            // The last build's records, copied whole (no path hashed again), the paths no longer made taken out and the
            // files written now and the new paths put in.
            outputs = new Dictionary<string, OutputRecord>(last!.Outputs, StringComparer.Ordinal);
            foreach (var path in gone!)
            {
                Remove(path);
                _files.Remove(path);
                outputs.Remove(path);
                removed++;
            }

            for (var i = 0; i < files.Count; i++)
            {
                if (fates[i] == Fate.Written || at[i] < 0)
                {
                    _files[files[i].OutputPath] = (hashes[i], records[i]);
                    outputs[files[i].OutputPath] = records[i];
                }
            }
        }
        else
        {
            var now = new Dictionary<string, (UInt128, OutputRecord)>(files.Count, StringComparer.Ordinal);
            for (var i = 0; i < files.Count; i++)
            {
                now[files[i].OutputPath] = (hashes[i], records[i]);
            }

            foreach (var path in _files.Keys.Where(k => !now.ContainsKey(k)).Order(StringComparer.Ordinal))
            {
                Remove(path);
                removed++;
            }

            _files = now;
            _folded = null;
            outputs = now.ToDictionary(e => e.Key, e => e.Value.Item2, StringComparer.Ordinal);
        }

        _last = new Published([.. files.Select(f => f.OutputPath)], [.. files.Select(f => f.Bytes)], hashes, records, outputs);
        Building.BuildTimings.Note("writes", $"{looked} of {files.Count} files looked at on disk ({(touched is null ? "no sure watch" : "touched")}), {written} written{(restart ? ", watch restarted" : "")}{(samePaths ? "" : ", paths changed")}; ms: watch settled {settled}, hashes {hashed - settled}, links awaited {awaited - hashed}, writes {wrote - awaited}, records {clock.ElapsedMilliseconds - wrote}");
        return new WriteResult(outputs, written, files.Count - written, removed);

        void Run(Func<int, bool> which)
        {
            try
            {
                Parallel.For(0, files.Count, i =>
                {
                    if (!which(i))
                    {
                        return;
                    }

                    var file = files[i];
                    var path = Path.Combine(OutputDir, targets?[i] ?? SiteWriter.Target(file.OutputPath));
                    if (fates[i] is Fate.Look or Fate.Compare)
                    {
                        Interlocked.Increment(ref looked);
                        if (records[i].Matches(new FileInfo(path)) && (fates[i] == Fate.Look || StagedSite.HoldsExactly(path, file.Bytes)))
                        {
                            return;
                        }
                    }

                    records[i] = new OutputRecord(file.Bytes.Length, Replace(path, file.Bytes).Ticks);
                    fates[i] = Fate.Written;
                    Interlocked.Increment(ref written);
                });
            }
            catch (AggregateException ex) when (ex.InnerExceptions.FirstOrDefault(e => e is IOException or UnauthorizedAccessException) is { } io)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(io);
                throw; // not reached
            }
        }
    }

    /// <summary>Where each of <paramref name="files"/> stood in <paramref name="last"/>'s files (-1: a new path), and the
    /// paths of <paramref name="last"/> no longer made, in path order: both lists are in path order, so one walk
    /// matches them. Nulls when there was no last build, or a list is not in strict path order.</summary>
    private static (int[]? At, List<string>? Gone) Align(IReadOnlyList<OutputFile> files, Published? last)
    {
        if (last is null)
        {
            return (null, null);
        }

        var at = new int[files.Count];
        var gone = new List<string>();
        var paths = last.Paths;
        var (i, j) = (0, 0);
        while (i < files.Count || j < paths.Length)
        {
            if (i > 0 && i < files.Count && string.CompareOrdinal(files[i - 1].OutputPath, files[i].OutputPath) >= 0)
            {
                return (null, null);
            }

            var order = i == files.Count ? 1 : j == paths.Length ? -1
                : ReferenceEquals(files[i].OutputPath, paths[j]) ? 0 : string.CompareOrdinal(files[i].OutputPath, paths[j]);
            if (order == 0)
            {
                at[i++] = j++;
            }
            else if (order < 0)
            {
                at[i++] = -1;
            }
            else
            {
                if (j > 0 && string.CompareOrdinal(paths[j - 1], paths[j]) >= 0)
                {
                    return (null, null);
                }

                gone.Add(paths[j++]);
            }
        }

        return (at, gone);
    }

    // The published paths, compared as a case-insensitive disk compares them (made from the last build's on the first
    // update that adds or removes one).
    private HashSet<string>? _folded;

    /// <summary>Checks the paths of <paramref name="files"/> that <paramref name="last"/> did not publish (<paramref name="at"/>
    /// -1) as <see cref="SiteWriter.Targets"/> checks a whole list: inside the folder, and no two alike once case is
    /// ignored, the paths no longer made (<paramref name="gone"/>) left out. Returns null: the known paths' targets are
    /// worked out where they are written.</summary>
    /// <exception cref="InvalidOperationException">A new path leaves the folder or repeats another.</exception>
    private string[]? CheckNew(IReadOnlyList<OutputFile> files, int[] at, List<string> gone, Published last)
    {
        if (gone.Count == 0 && Array.IndexOf(at, -1) < 0)
        {
            return null;
        }

        // A failed check throws, and the builder then forgets this site whole.
        var folded = _folded ??= new HashSet<string>(last.Paths, StringComparer.OrdinalIgnoreCase);
        foreach (var path in gone)
        {
            folded.Remove(path);
        }

        for (var i = 0; i < files.Count; i++)
        {
            if (at[i] < 0)
            {
                _ = SiteWriter.Target(files[i].OutputPath);
                if (!folded.Add(files[i].OutputPath))
                {
                    throw new InvalidOperationException($"Refusing to write '{files[i].OutputPath}' twice.");
                }
            }
        }

        return null;
    }

    private UInt128 Hash(byte[] bytes) => _hashes.GetValue(bytes, static b => new(XxHash128.HashToUInt128(b))).Value;

    /// <summary>What a build does with a file.</summary>
    private enum Fate : byte
    {
        /// <summary>Left alone: its bytes are as published and nothing touched it.</summary>
        Keep,

        /// <summary>Its bytes are as published: written only if its size or time on disk are not.</summary>
        Look,

        /// <summary>Its bytes are as published, and something touched it: written unless its size, time and bytes on
        /// disk are as published (a hand edit may have put its size and time back; the last build's own writes did not
        /// change it).</summary>
        Compare,

        /// <summary>Its bytes changed: written.</summary>
        Write,

        /// <summary>Written in this build.</summary>
        Written,
    }

    /// <summary>The paths something touched since the last build, once the watch has seen every change made so far;
    /// null when every file must be looked at (no watch, or it may have missed a change: a new one is started first).</summary>
    private TouchedPaths? Touched()
    {
        if (!_lookAll && _watch?.Take(Settle) is { } touched)
        {
            return new TouchedPaths(touched, _files.ContainsKey);
        }

        _lookAll = false;
        _watch?.Dispose();
        _watch = OutputWatch.Start(OutputDir);
        return null;
    }

    // An update that wrote nothing after its watch was not sure: the next looks at every file, as it would have.
    private bool _lookAll;

    /// <summary>Forgets the published state of the files among <paramref name="paths"/> that differ on disk, so the next
    /// build writes them.</summary>
    private void Forget(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            _files.Remove(path);
        }
    }

    /// <summary>The files among <paramref name="paths"/> whose size or time on disk are not as published.</summary>
    private List<string> Changed(List<string> paths)
    {
        var changed = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(paths, path =>
        {
            if (!_files.TryGetValue(path, out var known) || !known.Record.Matches(new FileInfo(Path.Combine(OutputDir, SiteWriter.Target(path)))))
            {
                changed.Add(path);
            }
        });
        return [.. changed];
    }

    /// <summary>Stops watching the folder.</summary>
    public void Dispose()
    {
        _watch?.Dispose();
        _watch = null;
    }

    private static DateTime Replace(string path, byte[] bytes)
    {
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, AtomicFile.TemporaryName(Path.GetFileName(path)));
        try
        {
            var time = NewFile.Write(temp, bytes);
            File.Move(temp, path, overwrite: true);
            return time;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Deletes a file this site published (its path was checked when it was written), then each folder it leaves empty.</summary>
    private void Remove(string outputPath)
    {
        var path = Path.Combine(OutputDir, Path.Combine(outputPath.Split('/')));
        File.Delete(path);
        for (var dir = Path.GetDirectoryName(path); dir is not null && dir.Length > OutputDir.Length && dir.StartsWith(OutputDir + Path.DirectorySeparatorChar, StringComparison.Ordinal);
             dir = Path.GetDirectoryName(dir))
        {
            if (Directory.EnumerateFileSystemEntries(dir).Any())
            {
                break;
            }

            Directory.Delete(dir);
        }
    }

    private static string Full(string dir) => Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar);
}

/// <summary>The paths a watch saw touched: a file among them, or under a folder among them (a folder moved or deleted
/// by hand reports only itself), is looked at on disk.</summary>
internal sealed class TouchedPaths
{
    private readonly HashSet<string> _paths;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly bool _folders;

    /// <param name="paths">The touched paths, relative and '/'-separated.</param>
    /// <param name="published">Whether a path is a published file: a touched path that is none may be a folder.</param>
    public TouchedPaths(HashSet<string> paths, Func<string, bool> published)
    {
        Paths = paths;
        _paths = paths;
        _lookup = paths.GetAlternateLookup<ReadOnlySpan<char>>();
        _folders = paths.Any(p => !published(p));
    }

    /// <summary>The touched paths, relative and '/'-separated.</summary>
    public HashSet<string> Paths { get; }

    /// <summary>Whether the file at <paramref name="path"/> or a folder above it was touched.</summary>
    public bool Has(string path)
    {
        if (_paths.Count == 0)
        {
            return false;
        }

        if (_paths.Contains(path))
        {
            return true;
        }

        if (!_folders)
        {
            return false;
        }

        for (var end = path.IndexOf('/'); end > 0; end = path.IndexOf('/', end + 1))
        {
            if (_lookup.Contains(path.AsSpan(0, end)))
            {
                return true;
            }
        }

        return false;
    }
}
