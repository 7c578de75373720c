using StaticDossier.Diagnostics;
using StaticDossier.IO;

namespace StaticDossier.Content;

/// <summary>Reads every content page under <c>content/</c>. Files and folders starting with '_' or '.' are not pages.</summary>
public sealed class ContentPageReader
{
    /// <summary>Pages larger than this are refused: a news article is a few hundred kilobytes at most.</summary>
    public const long MaxPageBytes = 8 * 1024 * 1024;

    private readonly string _root;

    /// <summary>Creates a reader whose display paths are relative to <paramref name="root"/>.</summary>
    public ContentPageReader(string root) => _root = Path.GetFullPath(root);

    /// <summary>The bytes of a page already read (by its full path), or null to read the file.</summary>
    internal Func<string, byte[]?>? ReadAlready { get; init; }

    /// <summary>Pages parsed by earlier builds (<c>serve</c>): a page whose bytes have the hash the fingerprint gave them in
    /// this build is taken as parsed then.</summary>
    internal Building.LiveBuild? Live { get; init; }

    /// <summary>Reads all pages in ordinal path order.</summary>
    public IReadOnlyList<ContentPage> ReadAll(string folder, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticCodes.ConfigFolderMissing, $"Content folder '{folder}' does not exist. Run 'dossier ingest' first.", SourceLocation.None);
            return [];
        }

        // This build's fingerprint listed every input file already: without links in the dossier, its files under
        // content/ are this listing, and none of them is a link to refuse.
        var skip = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)).Length + 1;
        var listed = Live?.Inputs is { HasLinks: false } inputs && inputs.Under(folder) is { } under
            ? new DossierListing([.. under.Where(f => IsPage(f[skip..].Replace('\\', '/')))], [])
            : null;
        var listing = listed ?? List(folder, _root);
        foreach (var refused in listing.Refused)
        {
            diagnostics.Error(DiagnosticCodes.ContentRefused, $"Content page not read: {refused.Reason}.",
                SourceLocation.InFile(Path.GetRelativePath(_root, refused.Path).Replace('\\', '/')));
        }

        var files = listing.Files;
        var pages = new ContentPage?[files.Count];
        Parallel.For(0, files.Count, i => pages[i] = Read(files[i], diagnostics, checkLink: listed is null));
        return [.. pages.OfType<ContentPage>()];
    }

    /// <summary>The pages under <paramref name="folder"/> as every reader of content/ lists them (files and folders
    /// starting with '_' or '.' are not pages; links are followed only inside the dossier).</summary>
    internal static DossierListing List(string folder, string root) =>
        DossierFiles.List(folder, root, recursive: true, IsPage);

    /// <summary>True when the file at <paramref name="relative"/> (to content/, forward slashes) is a page.</summary>
    private static bool IsPage(string relative) => relative.EndsWith(".md", StringComparison.Ordinal) && !IsHidden(relative);

    /// <summary>Reads one page.</summary>
    public ContentPage? Read(string file, DiagnosticBag diagnostics) => Read(file, diagnostics, checkLink: true);

    /// <summary>Reads one page; without <paramref name="checkLink"/> when a listing without links named it.</summary>
    private ContentPage? Read(string file, DiagnosticBag diagnostics, bool checkLink)
    {
        var full = Path.GetFullPath(file);
        var display = Path.GetRelativePath(_root, full).Replace('\\', '/');
        if (checkLink && DossierFiles.Refusal(full, _root) is { } refusal)
        {
            diagnostics.Error(DiagnosticCodes.ContentRefused, $"Content page not read: {refusal.Reason}.", SourceLocation.InFile(display));
            return null;
        }

        if (Live?.Page(full) is { } known)
        {
            return known;
        }

        var already = ReadAlready?.Invoke(full);
        if ((already ?? ReadFile(file, display, diagnostics)) is not { } bytes)
        {
            return null;
        }

        if (Live is null)
        {
            return Parse(display, bytes, diagnostics);
        }

        // Remembered only when it reports nothing, so a page with a warning reports it again in every build.
        var own = new DiagnosticBag();
        var page = Parse(display, bytes, own);
        foreach (var diagnostic in own)
        {
            diagnostics.Add(diagnostic);
        }

        if (page is not null && own.Count == 0)
        {
            Live.Remember(full, already is not null && Live.HashOf(full) is { } hashed ? hashed : Building.BuildFingerprint.Sha256(bytes), page);
        }

        return page;
    }

    private static ContentPage? Parse(string display, byte[] bytes, DiagnosticBag diagnostics)
    {

        if (bytes.AsSpan().IndexOf((byte)0) >= 0)
        {
            diagnostics.Error(DiagnosticCodes.ContentUnreadable,
                "Content page looks binary (it contains NUL bytes). Content pages are UTF-8 Markdown.", SourceLocation.InFile(display));
            return null;
        }

        var invalidAt = Utf8Text.FirstInvalidByte(bytes);
        if (invalidAt >= 0)
        {
            var (line, column) = Utf8Text.PositionOf(bytes, invalidAt);
            diagnostics.Error(DiagnosticCodes.ContentUnreadable,
                $"Content page is not valid UTF-8 (byte 0x{bytes[invalidAt]:X2}). Content pages must be saved as UTF-8.",
                new SourceLocation(display, line, column));
            return null;
        }

        return ContentPageParser.Parse(display, bytes, diagnostics);
    }

    private static byte[]? ReadFile(string file, string display, DiagnosticBag diagnostics)
    {
        try
        {
            if (DossierFiles.Read(file, MaxPageBytes, out var size) is not { } bytes)
            {
                diagnostics.Error(DiagnosticCodes.ContentUnreadable,
                    $"Content page is {(size < 0 ? "more than " : "")}{Math.Abs(size):N0} bytes; the limit is {MaxPageBytes:N0}. Is this really one article?", SourceLocation.InFile(display));
                return null;
            }

            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.ContentUnreadable, $"Cannot read content page: {ex.Message}", SourceLocation.InFile(display));
            return null;
        }
    }

    private static bool IsHidden(string relative) =>
        relative.Split('/', '\\').Any(part => part.StartsWith('_') || part.StartsWith('.'));
}
