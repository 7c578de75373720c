using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace StaticDossier.IO;

/// <summary>Writes many files as <see cref="AtomicFile"/> writes one (a temporary sibling, then a rename, so each file
/// is replaced whole or not at all), with one flush to disk for the lot instead of one per file. The guarantee is
/// the same: no rename happens before every temporary's bytes are on disk, so a crash leaves each target either as it
/// was or as written (and temporaries that <see cref="AtomicFile.RemoveTemporaries"/> clears), and the renames are on
/// disk before <see cref="Commit"/> returns. On Linux the flushes are <c>syncfs</c> of each folder's file system,
/// before the renames and after; elsewhere each temporary is flushed on its own, as <see cref="AtomicFile"/> does.</summary>
/// <remarks>Files are added in order (<see cref="Add"/>) and their temporaries written as their texts are made, on any
/// thread (<see cref="Write"/>): ingest writes each page while later seeds are still being cleaned. A batch disposed
/// before <see cref="Commit"/> replaces nothing and removes its temporaries, so a run that fails part way leaves every
/// target as it was.</remarks>
internal sealed partial class AtomicBatch : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Lock _lock = new();
    private readonly List<string> _targets = [];
    private readonly List<string?> _temporaries = [];
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);
    private readonly bool _syncFileSystems = OperatingSystem.IsLinux();
    // Bytes written to temporaries since the last flush began, and that flush: the disk takes them while the
    // processor is still making the rest, so the flush before the renames has little left to wait for.
    private long _unflushed;
    private Task? _flushAhead;

    /// <summary>How many bytes of temporaries start a flush in the background (Linux only).</summary>
    private const long FlushAheadBytes = 16 << 20;

    /// <summary>How many files the batch holds.</summary>
    public int Count
    {
        get { lock (_lock) { return _targets.Count; } }
    }

    /// <summary>Adds <paramref name="path"/> to the batch (its folder is made now) and returns its place, which
    /// <see cref="Write"/> fills. Files are renamed into place in the order they were added.</summary>
    public int Add(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        lock (_lock)
        {
            if (_folders.Add(folder))
            {
                Directory.CreateDirectory(folder);
            }

            _targets.Add(full);
            _temporaries.Add(null);
            return _targets.Count - 1;
        }
    }

    /// <summary>Writes the temporary of the file at <paramref name="place"/>; thread-safe. Nothing is replaced yet.</summary>
    public void Write(int place, string content)
    {
        string target;
        lock (_lock)
        {
            target = _targets[place];
        }

        var temp = Path.Combine(Path.GetDirectoryName(target)!, AtomicFile.TemporaryName(Path.GetFileName(target)));
        // Encoded into a pooled buffer and written in one call: a FileStream's own 64 KB buffer and a fresh array of
        // bytes per file were most of what ingest allocated while writing (1.3 GB for 20,000 files).
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(content.Length));
        try
        {
            var length = Utf8.GetBytes(content, buffer);
            using var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            lock (_lock)
            {
                _temporaries[place] = temp;
            }

            RandomAccess.Write(handle, buffer.AsSpan(0, length), 0);
            if (!_syncFileSystems)
            {
                RandomAccess.FlushToDisk(handle);
            }
            else if (Interlocked.Add(ref _unflushed, length) >= FlushAheadBytes)
            {
                FlushAhead(temp);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Starts flushing the file system of <paramref name="file"/> on a thread of its own, unless a flush is
    /// under way. Only a head start: <see cref="Commit"/> flushes again, and a flush that fails here is forgotten.</summary>
    private void FlushAhead(string file)
    {
        lock (_lock)
        {
            if (_flushAhead is { IsCompleted: false })
            {
                return;
            }

            Interlocked.Exchange(ref _unflushed, 0);
            _flushAhead = Task.Factory.StartNew(() =>
            {
                try
                {
                    using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read);
                    _ = SyncFs(handle);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The temporary went (a failed batch removed it): nothing to flush.
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>Puts every file in place, once every temporary is on disk; the renames are on disk when this returns.
    /// An exception during the renames (rare: the temporaries are already on disk) leaves the files renamed so far
    /// replaced and the rest as they were, and no temporary once the batch is disposed.</summary>
    public void Commit(ParallelOptions parallel)
    {
        string[] temps;
        lock (_lock)
        {
            temps = [.. _temporaries.Select((t, i) => t ?? throw new InvalidOperationException($"'{_targets[i]}' was added to the batch but never written."))];
        }

        if (_syncFileSystems)
        {
            _flushAhead?.Wait();
            SyncFileSystems(temps);
        }

        // One worker a folder: renames in one folder wait for its lock, in two they need not.
        var byFolder = Enumerable.Range(0, temps.Length).GroupBy(i => Path.GetDirectoryName(_targets[i]), StringComparer.Ordinal).ToList();
        Parallel.ForEach(byFolder, parallel, places =>
        {
            foreach (var i in places)
            {
                File.Move(temps[i], _targets[i], overwrite: true);
                lock (_lock)
                {
                    _temporaries[i] = null;
                }
            }
        });

        if (_syncFileSystems)
        {
            SyncFileSystems(_targets);
        }
    }

    /// <summary>Removes the temporaries not renamed into place: after a failure, every target not yet replaced stays as it was.</summary>
    public void Dispose()
    {
        _flushAhead?.Wait();
        lock (_lock)
        {
            foreach (var temp in _temporaries)
            {
                if (temp is not null && File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }

            _temporaries.Clear();
            _targets.Clear();
        }
    }

    /// <summary>Flushes the file system of each folder, through a file of <paramref name="files"/> in it (a folder
    /// cannot be opened as a file in .NET).</summary>
    private static void SyncFileSystems(IEnumerable<string> files)
    {
        var byFolder = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            byFolder.TryAdd(Path.GetDirectoryName(file)!, file);
        }

        foreach (var (folder, file) in byFolder)
        {
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read);
            if (SyncFs(handle) != 0)
            {
                throw new IOException($"Could not flush '{folder}' to disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(SafeFileHandle fd);
}
