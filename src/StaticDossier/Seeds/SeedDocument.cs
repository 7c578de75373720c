namespace StaticDossier.Seeds;

/// <summary>A raw input page as read from <c>seeds/</c>.</summary>
/// <param name="Path">Path relative to the dossier root, with forward slashes (e.g. <c>seeds/000_x.txt</c>).</param>
/// <param name="Kind">Text dump or saved HTML.</param>
/// <param name="Text">The decoded text.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Sidecar">Optional facts from a <c>.seed.yml</c> beside the seed.</param>
public sealed record SeedDocument(string Path, SeedKind Kind, string Text, string Sha256, SeedMetadata? Sidecar = null)
{
    /// <summary>The file name without folder and extension, e.g. <c>000_bf9e1a07d91f4169</c>.</summary>
    public string Id => System.IO.Path.GetFileNameWithoutExtension(Path);
}

/// <summary>What a curator recorded about where a seed came from (<c>NAME.seed.yml</c>).</summary>
public sealed record SeedMetadata
{
    /// <summary>The page's original address.</summary>
    public string? Url { get; init; }

    /// <summary>When the page was saved (ISO 8601).</summary>
    public string? RetrievedAt { get; init; }

    /// <summary>The outlet, when the page does not say.</summary>
    public string? Source { get; init; }

    /// <summary>Publication date (YYYY-MM-DD) when the page does not say.</summary>
    public string? Date { get; init; }

    /// <summary>Language (BCP 47) when detection should be overridden.</summary>
    public string? Language { get; init; }
}
