using System.IO.Hashing;
using StaticDossier.IO;
using StaticDossier.Rendering;

namespace StaticDossier.Publishing;

/// <summary>What a long-lived builder (<c>serve</c>) published last, per output path: a 128-bit hash of the bytes and the
/// size and time the file was left with. The next build then writes in place only the files whose bytes changed, each
/// atomically (a temporary sibling renamed over it), and removes the files it no longer makes: no staging of the whole
/// site, no reading unchanged files back. A file changed on disk since (its size or time differ) is written again.
/// Only the whole-site swap of <see cref="SiteWriter.Write"/> is given up: a reader may see some pages of the new site
/// beside others of the old for the moment the writes take, which a preview reloaded after them never shows.</summary>
internal sealed class PublishedSite
{
    private Dictionary<string, (UInt128 Hash, OutputRecord Record)> _files;

    // The hash of each file's bytes by the array itself, while it lives: a page the render memo kept is the same array
    // build after build, and hashing the whole site (hundreds of megabytes) on every save is not needed.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], System.Runtime.CompilerServices.StrongBox<UInt128>> _hashes = new();

    private PublishedSite(string outputDir, Dictionary<string, (UInt128 Hash, OutputRecord Record)> files) => (OutputDir, _files) = (outputDir, files);

    /// <summary>The output folder, full path.</summary>
    public string OutputDir { get; }

    /// <summary>What <see cref="SiteWriter.Write"/> just published of <paramref name="files"/> into <paramref name="outputDir"/>.</summary>
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

        return site;
    }

    /// <summary>Whether <paramref name="outputDir"/> is still the folder this site was published to, with its stamp.</summary>
    public bool Fits(string outputDir) =>
        Full(outputDir) == OutputDir && Directory.Exists(OutputDir) && File.Exists(Path.Combine(OutputDir, OutputFolderGuard.StampName))
        && new FileInfo(OutputDir).LinkTarget is null;

    /// <summary>Makes the output folder hold <paramref name="files"/>: a file whose bytes and on-disk size and time are as
    /// published is left alone, any other is written atomically, and a published file no longer made is deleted (with
    /// the folders it leaves empty).</summary>
    /// <exception cref="InvalidOperationException">An output path leaves the output folder.</exception>
    /// <exception cref="IOException">The disk refused; what was written so far stays, each file whole.</exception>
    public WriteResult Update(IReadOnlyList<OutputFile> files)
    {
        var targets = SiteWriter.Targets(files);
        var records = new OutputRecord[files.Count];
        var hashes = new UInt128[files.Count];
        var written = 0;
        try
        {
            Parallel.For(0, files.Count, i =>
            {
                var file = files[i];
                var path = Path.Combine(OutputDir, targets[i]);
                hashes[i] = _hashes.GetValue(file.Bytes, static bytes => new(XxHash128.HashToUInt128(bytes))).Value;
                if (_files.TryGetValue(file.OutputPath, out var before) && before.Hash == hashes[i] && before.Record.Length == file.Bytes.Length
                    && before.Record.Matches(new FileInfo(path)))
                {
                    records[i] = before.Record;
                    return;
                }

                records[i] = new OutputRecord(file.Bytes.Length, Replace(path, file.Bytes).Ticks);
                Interlocked.Increment(ref written);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.FirstOrDefault(e => e is IOException or UnauthorizedAccessException) is { } io)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(io);
            throw; // not reached
        }

        var now = new Dictionary<string, (UInt128, OutputRecord)>(files.Count, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            now[files[i].OutputPath] = (hashes[i], records[i]);
        }

        var removed = 0;
        foreach (var gone in _files.Keys.Where(k => !now.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            Remove(gone);
            removed++;
        }

        _files = now;
        var outputs = now.ToDictionary(e => e.Key, e => e.Value.Item2, StringComparer.Ordinal);
        return new WriteResult(outputs, written, files.Count - written, removed);
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
