using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using StaticDossier.IO;
using StaticDossier.Rendering;

namespace StaticDossier.Publishing;

/// <summary>A site being staged in a hidden sibling of the output folder, one file at a time as each is rendered, then
/// swapped in whole (see <see cref="SiteWriter"/>): a build need not hold the site's bytes until its links are checked.
/// <see cref="Put"/> may be called from many threads; a file it cannot place (a path leaving the folder, a full disk)
/// is remembered, later files are skipped, and <see cref="Publish"/> throws it. Disposing a site not published deletes
/// the staging folder.</summary>
internal sealed class StagedSite : IDisposable
{
    private readonly string _full;
    private readonly string _previousSite;
    private readonly IReadOnlyDictionary<string, OutputRecord>? _reuse;
    private readonly ConcurrentDictionary<string, OutputRecord> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _taken = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
    private Exception? _failure;
    private int _linked;
    private bool _published;

    private StagedSite(string full, string staging, string previousSite, IReadOnlyDictionary<string, OutputRecord>? reuse) =>
        (_full, Folder, _previousSite, _reuse) = (full, staging, previousSite, reuse);

    /// <summary>The staging folder.</summary>
    public string Folder { get; }

    /// <summary>Whether a file could not be staged (<see cref="Publish"/> will say why).</summary>
    public bool Failed => Volatile.Read(ref _failure) is not null;

    /// <summary>Starts staging a site for <paramref name="outputDir"/>, after tidying up what killed runs left.
    /// <paramref name="previous"/>, when given, is what the last build published: a file staged with exactly the bytes
    /// it has there (and still as that build left it) is hard-linked from it instead of written.</summary>
    /// <exception cref="InvalidOperationException">The output folder is the root folder.</exception>
    /// <exception cref="IOException">The disk refused.</exception>
    public static StagedSite Open(string outputDir, IReadOnlyDictionary<string, OutputRecord>? previous = null)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full)
            ?? throw new InvalidOperationException($"Refusing to publish to the root folder '{full}'.");
        var name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        SiteWriter.Recover(outputDir);
        var staging = Path.Combine(parent, $".{name}{SiteWriter.StagingTag}{Environment.ProcessId}");
        var previousSite = Path.Combine(parent, $".{name}{SiteWriter.PreviousTag}{Environment.ProcessId}");
        DeleteIfExists(staging);
        DeleteIfExists(previousSite);
        Directory.CreateDirectory(staging);
        return new StagedSite(full, staging, previousSite, previous is not null && Directory.Exists(full) ? previous : null);
    }

    /// <summary>Stages <paramref name="file"/>: linked from the published site when it is unchanged there, written otherwise.</summary>
    public void Put(OutputFile file)
    {
        if (Volatile.Read(ref _failure) is not null)
        {
            return;
        }

        try
        {
            var relative = SiteWriter.Target(file.OutputPath);
            // Case-insensitive: the site must also publish whole to a case-insensitive disk or web host.
            if (!_taken.TryAdd(file.OutputPath, 0))
            {
                throw new InvalidOperationException($"Refusing to write '{file.OutputPath}' twice.");
            }

            var target = Path.Combine(Folder, relative);
            var folder = Path.GetDirectoryName(target)!;
            if (!_folders.ContainsKey(folder))
            {
                Directory.CreateDirectory(folder);
                _folders.TryAdd(folder, 0);
            }

            var published = Path.Combine(_full, relative);
            if (_reuse is not null && _reuse.TryGetValue(file.OutputPath, out var before) && before.Length == file.Bytes.Length
                && before.Matches(new FileInfo(published)) && HoldsExactly(published, file.Bytes))
            {
                HardLink.LinkOrCopy(published, target);
                _records[file.OutputPath] = new OutputRecord(file.Bytes.Length, File.GetLastWriteTimeUtc(target).Ticks);
                Interlocked.Increment(ref _linked);
            }
            else
            {
                _records[file.OutputPath] = new OutputRecord(file.Bytes.Length, NewFile.Write(target, file.Bytes).Ticks);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Interlocked.CompareExchange(ref _failure, ex, null);
        }
    }

    /// <summary>The bytes staged for <paramref name="outputPath"/> (to place a broken link in its page).</summary>
    public byte[] ReadBack(string outputPath) => File.ReadAllBytes(Path.Combine(Folder, SiteWriter.Target(outputPath)));

    /// <summary>Swaps the staged site in, in place of the output folder. <paramref name="publishIf"/>, when given, is
    /// asked once the site is staged: false leaves the previous site as it was and makes this return null.
    /// <paramref name="previous"/>, when given, is what the last build published, to count the files now gone.</summary>
    /// <exception cref="InvalidOperationException">A path left the output folder, or the folder is not a site.</exception>
    /// <exception cref="IOException">The disk refused.</exception>
    public WriteResult? Publish(Func<bool>? publishIf = null, IReadOnlyDictionary<string, OutputRecord>? previous = null)
    {
        if (_published)
        {
            throw new InvalidOperationException("A staged site is published once.");
        }

        _published = true;
        try
        {
            if (Volatile.Read(ref _failure) is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            if (OutputFolderGuard.Refusal(_full, _records.Keys) is { } refusal)
            {
                throw new InvalidOperationException(refusal);
            }

            OutputFolderGuard.Stamp(Folder, _full);
            if (publishIf is not null && !publishIf())
            {
                DeleteIfExists(Folder);
                return null;
            }

            // Between these two moves the output folder is briefly absent; Recover() puts the previous
            // site back if a run is killed exactly there.
            if (Directory.Exists(_full))
            {
                Directory.Move(_full, _previousSite);
            }

            Directory.Move(Folder, _full);
            DeleteIfExists(_previousSite);
        }
        catch
        {
            DeleteIfExists(Folder);
            if (!Directory.Exists(_full) && Directory.Exists(_previousSite))
            {
                Directory.Move(_previousSite, _full);
            }

            throw;
        }

        var outputs = new Dictionary<string, OutputRecord>(_records.Count, StringComparer.Ordinal);
        foreach (var (path, record) in _records.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            outputs[path] = record;
        }

        var removed = previous?.Keys.Count(k => !outputs.ContainsKey(k)) ?? 0;
        return new WriteResult(outputs, outputs.Count - _linked, _linked, removed);
    }

    /// <summary>Deletes the staging folder unless the site was published.</summary>
    public void Dispose()
    {
        if (!_published)
        {
            _published = true;
            try
            {
                DeleteIfExists(Folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left for the next build's Recover(), which removes the leftovers of runs no longer alive.
            }
        }
    }

    /// <summary>Whether the published file at <paramref name="path"/> holds exactly <paramref name="bytes"/>. Compared byte
    /// for byte rather than by a hash kept from the last build: a first build then hashes nothing (a site's worth of
    /// SHA-256), a hand edit that kept the file's size and time is caught, and a later build pays for reading the
    /// published files back (measured a little dearer than hashing the new ones).</summary>
    internal static bool HoldsExactly(string path, byte[] bytes)
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

    /// <summary>Deletes a site folder (staged, previous or left over) with many files at once: see <see cref="FolderDeletion"/>.</summary>
    internal static void DeleteIfExists(string dir) => FolderDeletion.Delete(dir);
}
