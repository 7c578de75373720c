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

    /// <summary>Where the page was in the end, after redirects (<c>dossier capture</c>).</summary>
    public string? FinalUrl { get; init; }

    /// <summary>The redirects followed on the way, each as <c>STATUS address</c> (<c>dossier capture</c>).</summary>
    public List<string>? Redirects { get; init; }

    /// <summary>When the page was saved (ISO 8601).</summary>
    public string? RetrievedAt { get; init; }

    /// <summary>The HTTP status the page was answered with (captured or archived).</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The answer's Content-Type, charset included: a charset declared there is honoured when decoding.</summary>
    public string? ContentType { get; init; }

    /// <summary>SHA-256 of the seed's bytes when it was saved; ingest warns when the seed no longer matches.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The web archive (WARC or WACZ) the page was imported from: its file name, and for a WACZ the WARC inside.</summary>
    public string? ArchiveFile { get; init; }

    /// <summary>SHA-256 of that archive file.</summary>
    public string? ArchiveSha256 { get; init; }

    /// <summary>The archive record's <c>WARC-Record-ID</c>.</summary>
    public string? ArchiveRecord { get; init; }

    /// <summary>The outlet, when the page does not say.</summary>
    public string? Source { get; init; }

    /// <summary>Publication date (YYYY-MM-DD) when the page does not say.</summary>
    public string? Date { get; init; }

    /// <summary>Language (BCP 47) when detection should be overridden.</summary>
    public string? Language { get; init; }

    /// <summary><c>false</c>: ingest keeps every word as the seed printed it (no run-together words repaired, none
    /// flagged). Absent or <c>true</c>: repairs are made and recorded.</summary>
    public bool? Repairs { get; init; }

    /// <summary>Words ingest must leave as printed, neither repaired nor flagged (a name, or a compound the word list
    /// lacks: "battlefront"); matched ignoring case.</summary>
    public List<string>? KeepWords { get; init; }
}
