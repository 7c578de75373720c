namespace StaticDossier.Rendering;

/// <summary>Where a build's files go as they are rendered (written to the staging folder, their links noted), so the
/// site's bytes are never all held at once.</summary>
internal interface IOutputSink
{
    /// <summary>Takes <paramref name="file"/> (called from many threads) and returns what the renderer keeps of it in its
    /// place: its path and date (the sitemap lists them), its bytes dropped.</summary>
    OutputFile Take(OutputFile file);
}
