using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;

namespace StaticDossier;

/// <summary>content/ → rendered site → checked → published. Thin: each step is a stage of its own.</summary>
public sealed class SiteBuilder
{
    private readonly SiteConfig _config;

    /// <summary>Creates a builder for <paramref name="config"/>.</summary>
    public SiteBuilder(SiteConfig config) => _config = config;

    /// <summary>Markdown → safe HTML and text for article bodies; the incremental builder passes a cached one.</summary>
    internal Func<string, RenderedMarkdown>? BodyRenderer { get; init; }

    /// <summary>Content pages already read (see <see cref="ContentPageReader.ReadAlready"/>).</summary>
    internal Func<string, byte[]?>? ReadAlready { get; init; }

    /// <summary>Builds the site in memory; null when errors were reported.</summary>
    public IReadOnlyList<OutputFile>? Render(DiagnosticBag diagnostics)
    {
        var files = RenderUnchecked(diagnostics);
        if (files is null)
        {
            return null;
        }

        LinkChecker.Check(files, diagnostics);
        return diagnostics.HasErrors ? null : files;
    }

    /// <summary>As <see cref="Render"/> but without checking links, for a caller that checks them while it
    /// stages the site (and publishes nothing if one is broken).</summary>
    internal IReadOnlyList<OutputFile>? RenderUnchecked(DiagnosticBag diagnostics)
    {
        var reader = new ContentPageReader(_config.RootDirectory) { ReadAlready = ReadAlready };
        var pages = reader.ReadAll(_config.ContentPath, diagnostics)
            .Where(p => !p.Meta.Draft)
            .ToList();
        var indexPath = Path.Combine(_config.ContentPath, "_index.md");
        var index = File.Exists(indexPath) ? reader.Read(indexPath, diagnostics) : null;
        if (diagnostics.HasErrors)
        {
            return null;
        }

        return new SiteRenderer(_config) { BodyRenderer = BodyRenderer }.Render(pages, index, diagnostics);
    }

    /// <summary>Renders and publishes to the output folder; the previous site stays if anything fails.</summary>
    public bool Build(DiagnosticBag diagnostics)
    {
        try
        {
            // A run killed mid-publish may have left the previous site aside; put it back before anything can fail.
            SiteWriter.Recover(_config.OutputPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning(DiagnosticCodes.OutputWriteFailed, $"Could not tidy up after an interrupted build: {ex.Message}", SourceLocation.InFile(_config.OutputDir));
        }

        var files = Render(diagnostics);
        if (files is null)
        {
            return false;
        }

        try
        {
            SiteWriter.Write(_config.OutputPath, files);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            diagnostics.Error(DiagnosticCodes.OutputWriteFailed, $"Could not write the site: {ex.Message}", SourceLocation.InFile(_config.OutputDir));
            return false;
        }
    }
}
