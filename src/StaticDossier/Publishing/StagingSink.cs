using StaticDossier.Rendering;

namespace StaticDossier.Publishing;

/// <summary>Stages each file as it is rendered and keeps only what the link check needs of it.</summary>
internal sealed class StagingSink(StagedSite site, SiteLinks links) : IOutputSink
{
    public OutputFile Take(OutputFile file)
    {
        links.Add(file);
        site.Put(file);
        return file with { Bytes = [], Links = null };
    }
}
