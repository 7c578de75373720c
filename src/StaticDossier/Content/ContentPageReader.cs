using System.Text;
using StaticDossier.Diagnostics;

namespace StaticDossier.Content;

/// <summary>Reads every content page under <c>content/</c>. Files and folders starting with '_' or '.' are not pages.</summary>
public sealed class ContentPageReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private readonly string _root;

    /// <summary>Creates a reader whose display paths are relative to <paramref name="root"/>.</summary>
    public ContentPageReader(string root) => _root = Path.GetFullPath(root);

    /// <summary>Reads all pages in ordinal path order.</summary>
    public IReadOnlyList<ContentPage> ReadAll(string folder, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticCodes.ConfigFolderMissing, $"Content folder '{folder}' does not exist. Run 'dossier ingest' first.", SourceLocation.None);
            return [];
        }

        var files = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Where(f => !IsHidden(Path.GetRelativePath(folder, f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var pages = new ContentPage?[files.Count];
        Parallel.For(0, files.Count, i => pages[i] = Read(files[i], diagnostics));
        return [.. pages.OfType<ContentPage>()];
    }

    /// <summary>Reads one page.</summary>
    public ContentPage? Read(string file, DiagnosticBag diagnostics)
    {
        var display = Path.GetRelativePath(_root, Path.GetFullPath(file)).Replace('\\', '/');
        string text;
        try
        {
            text = StrictUtf8.GetString(File.ReadAllBytes(file));
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Error(DiagnosticCodes.ContentUnreadable, "Content page is not valid UTF-8.", SourceLocation.InFile(display));
            return null;
        }
        catch (IOException ex)
        {
            diagnostics.Error(DiagnosticCodes.ContentUnreadable, $"Cannot read content page: {ex.Message}", SourceLocation.InFile(display));
            return null;
        }

        return ContentPageParser.Parse(display, text, diagnostics);
    }

    private static bool IsHidden(string relative) =>
        relative.Split('/', '\\').Any(part => part.StartsWith('_') || part.StartsWith('.'));
}
