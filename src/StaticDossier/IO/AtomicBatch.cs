using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace StaticDossier.IO;

/// <summary>Writes many files as <see cref="AtomicFile"/> writes one (a temporary sibling, then a rename, so each file
/// is replaced whole or not at all), with one flush to disk for the lot instead of one per file. The guarantee is
/// the same: no rename happens before every temporary's bytes are on disk, so a crash leaves each target either as it
/// was or as written (and temporaries that <see cref="AtomicFile.RemoveTemporaries"/> clears), and the renames are on
/// disk before this returns. On Linux the flushes are <c>syncfs</c> of each folder's file system, before the renames
/// and after; elsewhere each temporary is flushed on its own, as <see cref="AtomicFile"/> does.</summary>
internal static partial class AtomicBatch
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes each file's text (made on the worker that writes it, so that only a core's worth of texts is
    /// held at once). An exception while writing replaces no target; one during the renames (rare: the temporaries
    /// are already on disk) leaves the files renamed so far replaced and the rest as they were. Either way no temporary
    /// is left, and each file is old or new, never part written.</summary>
    public static void WriteAll(IReadOnlyList<(string Path, Func<string> Text)> files, ParallelOptions parallel)
    {
        var temps = new string?[files.Count];
        var folders = files.Select(f => Path.GetDirectoryName(Path.GetFullPath(f.Path))!).Distinct(StringComparer.Ordinal).ToList();
        var syncFileSystems = OperatingSystem.IsLinux();
        try
        {
            foreach (var folder in folders)
            {
                Directory.CreateDirectory(folder);
            }

            Parallel.For(0, files.Count, parallel, i =>
            {
                var (path, text) = files[i];
                var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, AtomicFile.TemporaryName(Path.GetFileName(path)));
                var content = text();
                // Encoded into a pooled buffer and written in one call: a FileStream's own 64 KB buffer and a fresh
                // array of bytes per file were most of what ingest allocated while writing (1.3 GB for 20,000 files).
                var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(content.Length));
                try
                {
                    var length = Utf8.GetBytes(content, buffer);
                    using var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                    temps[i] = temp;
                    RandomAccess.Write(handle, buffer.AsSpan(0, length), 0);
                    if (!syncFileSystems)
                    {
                        RandomAccess.FlushToDisk(handle);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            });

            if (syncFileSystems)
            {
                SyncFileSystems(folders, temps);
            }

            // One worker a folder: renames in one folder wait for its lock, in two they need not.
            var byFolder = Enumerable.Range(0, files.Count).GroupBy(i => Path.GetDirectoryName(temps[i]), StringComparer.Ordinal).ToList();
            Parallel.ForEach(byFolder, parallel, indexes =>
            {
                foreach (var i in indexes)
                {
                    File.Move(temps[i]!, files[i].Path, overwrite: true);
                    temps[i] = null;
                }
            });

            if (syncFileSystems)
            {
                SyncFileSystems(folders, files.Select(f => f.Path));
            }
        }
        finally
        {
            foreach (var temp in temps)
            {
                if (temp is not null && File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
    }

    /// <summary>Flushes the file system of each folder, through a file of <paramref name="files"/> in it (a folder
    /// cannot be opened as a file in .NET).</summary>
    private static void SyncFileSystems(List<string> folders, IEnumerable<string?> files)
    {
        var byFolder = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file is not null)
            {
                byFolder.TryAdd(Path.GetDirectoryName(Path.GetFullPath(file))!, file);
            }
        }

        foreach (var folder in folders)
        {
            if (!byFolder.TryGetValue(folder, out var file))
            {
                continue;
            }

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
