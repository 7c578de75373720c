using System.IO.Compression;
using StaticDossier.Diagnostics;

namespace StaticDossier.Archiving;

/// <summary>Opens a bag for verification: a zip (one top-level folder holding the bag) or an unpacked bag folder.
/// The only Archiving class that reads a bag from disk.</summary>
public static class BagReader
{
    /// <summary>Opens <paramref name="path"/>; null, with a diagnostic naming the file, when it cannot be used.</summary>
    public static IBagSource? Open(string path, DiagnosticBag diagnostics)
    {
        var where = SourceLocation.InFile(path);
        try
        {
            if (Directory.Exists(path))
            {
                return OpenDirectory(path, diagnostics);
            }

            if (!File.Exists(path))
            {
                diagnostics.Error(DiagnosticCodes.BagUnreadable, $"'{path}' does not exist: expected a snapshot zip or an unpacked bag folder.", where);
                return null;
            }

            return OpenZip(path, diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.BagUnreadable, $"Cannot read '{path}': {ex.Message}", where);
            return null;
        }
    }

    private static DirectoryBagSource? OpenDirectory(string path, DiagnosticBag diagnostics)
    {
        if (File.Exists(Path.Combine(path, BagLayout.Declaration)))
        {
            return new DirectoryBagSource(path, path.TrimEnd('/', '\\'));
        }

        // The folder a zip was unpacked into: accept it when it holds exactly one bag folder and nothing else.
        var children = Directory.GetFileSystemEntries(path);
        if (children.Length == 1 && Directory.Exists(children[0]) && File.Exists(Path.Combine(children[0], BagLayout.Declaration)))
        {
            return new DirectoryBagSource(children[0], Path.Combine(path.TrimEnd('/', '\\'), Path.GetFileName(children[0])).Replace('\\', '/'));
        }

        diagnostics.Error(DiagnosticCodes.BagDeclarationInvalid,
            $"'{path}' is not a bag: it has no {BagLayout.Declaration} (nor does a single folder inside it).", SourceLocation.InFile(path));
        return null;
    }

    private static ZipBagSource? OpenZip(string path, DiagnosticBag diagnostics)
    {
        var where = SourceLocation.InFile(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
        ZipArchive zip;
        try
        {
            if (!ZipStructure.Check(stream, path, diagnostics))
            {
                stream.Dispose();
                return null;
            }

            stream.Position = 0;
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or NotSupportedException or OverflowException or EndOfStreamException)
        {
            stream.Dispose();
            diagnostics.Error(DiagnosticCodes.BagUnreadable, $"'{path}' is not a readable zip archive ({ex.Message}). Is it damaged or truncated?", where);
            return null;
        }

        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        var tops = new SortedSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (name.EndsWith('/'))
            {
                continue;
            }

            var slash = name.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                tops.Add(name);
                continue;
            }

            tops.Add(name[..slash]);
            var inner = name[(slash + 1)..];
            if (BagLayout.Unsafe(inner) is { } why)
            {
                diagnostics.Error(DiagnosticCodes.BagUnreadable, $"Entry '{entry.FullName}' cannot be part of a bag: {why}.", where);
                ok = false;
            }
            else if (!entries.TryAdd(inner, entry))
            {
                diagnostics.Error(DiagnosticCodes.BagUnreadable, $"Entry '{entry.FullName}' appears twice in the archive.", where);
                ok = false;
            }
        }

        if (tops.Count != 1 || zip.Entries.Any(e => !e.FullName.Replace('\\', '/').Contains('/', StringComparison.Ordinal)))
        {
            diagnostics.Error(DiagnosticCodes.BagUnreadable,
                $"'{path}' must hold one top-level folder, the bag; it holds {(tops.Count == 0 ? "nothing" : string.Join(", ", tops.Take(5).Select(t => $"'{t}'")))}.", where);
            ok = false;
        }

        if (!ok)
        {
            zip.Dispose();
            return null;
        }

        return new ZipBagSource(zip, tops.Min!, entries, path.Replace('\\', '/'));
    }
}
