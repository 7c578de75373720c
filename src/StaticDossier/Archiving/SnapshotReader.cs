using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.IO;

namespace StaticDossier.Archiving;

/// <summary>A file a snapshot packs, read from the dossier.</summary>
/// <param name="Path">Path relative to its folder, forward slashes.</param>
/// <param name="Bytes">The file's content.</param>
internal sealed record InputFile(string Path, byte[] Bytes);

/// <summary>One folder of the dossier as a snapshot packs it.</summary>
/// <param name="FullPath">The folder on disk.</param>
/// <param name="BagFolder">Its folder under <c>data/</c>: the name site.yml gives it, so <c>data/</c> is itself a dossier.</param>
/// <param name="Files">Every file in it, hidden ones too, ordinal order.</param>
internal sealed record InputFolder(string FullPath, string BagFolder, IReadOnlyList<InputFile> Files);

/// <summary>The dossier's sources, as packed into a snapshot.</summary>
internal sealed record SnapshotInputs(InputFile SiteYml, InputFolder Seeds, InputFolder Content, InputFolder Templates);

/// <summary>Reads everything a snapshot packs besides the built site: site.yml, seeds, content and templates.</summary>
internal static class SnapshotReader
{
    /// <summary>Folder names under <c>data/</c> the snapshot uses for its own parts.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "site", "provenance", "site.yml" };

    /// <summary>Reads the inputs; null, with diagnostics, when one cannot be read.</summary>
    public static SnapshotInputs? Read(SiteConfig config, DiagnosticBag diagnostics)
    {
        try
        {
            // SourcePath is for display (as given on the command line); the file itself is beside the root.
            var siteYml = new InputFile("site.yml", File.ReadAllBytes(Path.Combine(config.RootDirectory, Path.GetFileName(config.SourcePath))));
            var seeds = ReadDossierFolder(config, config.SeedsPath, "seeds", required: false, DiagnosticCodes.SeedRefused, diagnostics);
            var content = ReadDossierFolder(config, config.ContentPath, "content", required: true, DiagnosticCodes.ContentRefused, diagnostics);
            if (seeds is null || content is null)
            {
                return null;
            }

            var templates = ReadFolder(config, config.TemplatesPath, "templates", required: true);
            var names = new[] { seeds.BagFolder, content.BagFolder, templates.BagFolder };
            if (names.Any(a => names.Count(b => a == b || b.StartsWith(a + "/", StringComparison.Ordinal)) > 1))
            {
                diagnostics.Error(DiagnosticCodes.SnapshotFailed,
                    "seeds_dir, content_dir and templates_dir must be separate folders (none inside another) to be packed into a snapshot.",
                    SourceLocation.InFile(config.SourcePath));
                return null;
            }

            return new SnapshotInputs(siteYml, seeds, content, templates);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.SnapshotFailed, $"Cannot read the dossier to snapshot it: {ex.Message}", SourceLocation.InFile(config.SourcePath));
            return null;
        }
    }

    /// <summary>The most a snapshot reads of one file, counted while reading (a link or a growing file has no honest
    /// size in its metadata).</summary>
    internal const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Reads seeds/ or content/ as ingest and build see them (<see cref="DossierFiles"/>): a link leading out
    /// of the dossier is an error here too, so the bag never names a file it does not hold.</summary>
    private static InputFolder? ReadDossierFolder(SiteConfig config, string fullPath, string fallback, bool required, string code, DiagnosticBag diagnostics)
    {
        var bagFolder = BagFolderFor(config.RelativeToRoot(fullPath), fallback);
        if (!Directory.Exists(fullPath))
        {
            return required
                ? throw new DirectoryNotFoundException($"Folder '{config.RelativeToRoot(fullPath)}' does not exist.")
                : new InputFolder(fullPath, bagFolder, []);
        }

        var listing = DossierFiles.List(fullPath, config.RootDirectory, recursive: true, _ => true);
        foreach (var refused in listing.Refused)
        {
            diagnostics.Error(code, $"Not packed into the snapshot: {refused.Reason}.", SourceLocation.InFile(config.RelativeToRoot(refused.Path)));
        }

        var files = new List<InputFile>(listing.Files.Count);
        foreach (var file in listing.Files)
        {
            if (FileKinds.Of(file) is var kind and (FileKind.Pipe or FileKind.Device or FileKind.Socket))
            {
                // No bytes to keep, and opening one would block: left out, and said so.
                diagnostics.Warning(code, $"Not packed into the snapshot: it is {FileKinds.Describe(kind)}, not a file.", SourceLocation.InFile(config.RelativeToRoot(file)));
                continue;
            }

            var bytes = DossierFiles.Read(file, MaxFileBytes, out _)
                ?? throw new IOException($"'{config.RelativeToRoot(file)}' is larger than {MaxFileBytes:N0} bytes, the most a snapshot reads of one file.");
            files.Add(new InputFile(Path.GetRelativePath(fullPath, file).Replace(Path.DirectorySeparatorChar, '/'), bytes));
        }

        return listing.Refused.Count > 0 ? null : new InputFolder(fullPath, bagFolder, files);
    }

    private static InputFolder ReadFolder(SiteConfig config, string fullPath, string fallback, bool required)
    {
        var bagFolder = BagFolderFor(config.RelativeToRoot(fullPath), fallback);
        if (!Directory.Exists(fullPath))
        {
            return required
                ? throw new DirectoryNotFoundException($"Folder '{config.RelativeToRoot(fullPath)}' does not exist.")
                : new InputFolder(fullPath, bagFolder, []);
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = false,
        };
        var files = Directory.EnumerateFiles(fullPath, "*", options)
            .Select(f => new InputFile(Path.GetRelativePath(fullPath, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes(f)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return new InputFolder(fullPath, bagFolder, files);
    }

    /// <summary>The configured folder name when it is a plain folder inside the dossier, else <paramref name="fallback"/>.</summary>
    private static string BagFolderFor(string relative, string fallback) =>
        BagLayout.Unsafe(relative) is null && !Reserved.Contains(relative) && !relative.StartsWith("site/", StringComparison.Ordinal)
            && !relative.StartsWith("provenance/", StringComparison.Ordinal)
            ? relative
            : fallback;
}
