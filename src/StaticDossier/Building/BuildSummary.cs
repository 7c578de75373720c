namespace StaticDossier.Building;

/// <summary>What one build did, for the line printed at its end.</summary>
public sealed record BuildSummary
{
    /// <summary>True when the site was published (or was already up to date).</summary>
    public required bool Succeeded { get; init; }

    /// <summary>True when nothing had changed since the last build, so nothing was rendered or written.</summary>
    public bool UpToDate { get; init; }

    /// <summary>Files in the published site.</summary>
    public int Files { get; init; }

    /// <summary>Files written afresh.</summary>
    public int Written { get; init; }

    /// <summary>Files carried over untouched from the previous site.</summary>
    public int Unchanged { get; init; }

    /// <summary>Files of the previous site that are gone.</summary>
    public int Removed { get; init; }

    /// <summary>Article bodies taken from the Markdown cache (0 without a cache).</summary>
    public int CachedBodies { get; init; }

    /// <summary>Article bodies rendered afresh into the Markdown cache (0 without a cache).</summary>
    public int RenderedBodies { get; init; }

    /// <summary>Wall time of the whole build.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The build's stages with their times, when <see cref="BuildTimings"/> are on; null otherwise.</summary>
    public string? Timings { get; init; }
}
