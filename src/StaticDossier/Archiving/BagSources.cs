using System.IO.Compression;

namespace StaticDossier.Archiving;

/// <summary>The files of a bag, wherever it is kept: a zip, a folder, or memory.</summary>
public interface IBagSource : IDisposable
{
    /// <summary>How diagnostics name the bag's base folder, e.g. <c>snapshot.zip/my-bag</c>.</summary>
    string Display { get; }

    /// <summary>Every file's path relative to the base folder, forward slashes, ordinal order.</summary>
    IReadOnlyList<string> Files { get; }

    /// <summary>Opens a file for reading. Throws <see cref="IOException"/> or <see cref="InvalidDataException"/> when it cannot be read.</summary>
    Stream Open(string path);

    /// <summary>A file's size as the bag states it (a zip's central directory), known before reading it.</summary>
    long Length(string path);
}

/// <summary>A bag held in memory (a snapshot before it is written, or a test's altered copy).</summary>
internal sealed class MemoryBagSource : IBagSource
{
    private readonly Dictionary<string, byte[]> _files;

    /// <summary>Wraps <paramref name="files"/> (path relative to the base folder → bytes).</summary>
    public MemoryBagSource(string display, IReadOnlyDictionary<string, byte[]> files)
    {
        Display = display;
        _files = new Dictionary<string, byte[]>(files, StringComparer.Ordinal);
        Files = [.. _files.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>Wraps a built bag.</summary>
    public MemoryBagSource(Bag bag)
        : this(bag.Name, bag.Files.ToDictionary(f => f.Path, f => f.Bytes, StringComparer.Ordinal))
    {
    }

    /// <inheritdoc />
    public string Display { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Files { get; }

    /// <inheritdoc />
    public Stream Open(string path) => new MemoryStream(_files[path], writable: false);

    /// <inheritdoc />
    public long Length(string path) => _files[path].Length;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}

/// <summary>An unpacked bag: a folder holding bagit.txt.</summary>
internal sealed class DirectoryBagSource : IBagSource
{
    private readonly string _root;

    /// <summary>Lists every file under <paramref name="root"/> (hidden ones too; symbolic links are not followed into).</summary>
    public DirectoryBagSource(string root, string display)
    {
        _root = Path.GetFullPath(root);
        Display = display;
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = false,
        };
        Files = [.. Directory.EnumerateFiles(_root, "*", options)
            .Select(f => Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public string Display { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Files { get; }

    /// <inheritdoc />
    public Stream Open(string path) => new FileStream(Path.Combine(_root, path), FileMode.Open, FileAccess.Read, FileShare.Read, 81920);

    /// <inheritdoc />
    public long Length(string path) => new FileInfo(Path.Combine(_root, path)).Length;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}

/// <summary>A serialised bag: a zip whose entries all sit under one top-level folder, the bag's base folder.</summary>
internal sealed class ZipBagSource : IBagSource
{
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;

    /// <summary>Takes ownership of an opened archive whose entries were checked by <see cref="BagReader"/>.</summary>
    public ZipBagSource(ZipArchive zip, string bagFolder, Dictionary<string, ZipArchiveEntry> entries, string display)
    {
        _zip = zip;
        _entries = entries;
        Display = display + "/" + bagFolder;
        Files = [.. entries.Keys.Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public string Display { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Files { get; }

    /// <inheritdoc />
    public Stream Open(string path)
    {
        var entry = _entries[path];
        return new CheckedEntryStream(entry.Open(), entry.FullName, entry.Length, entry.Crc32);
    }

    /// <inheritdoc />
    public long Length(string path) => _entries[path].Length;

    /// <inheritdoc />
    public void Dispose() => _zip.Dispose();
}
