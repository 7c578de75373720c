namespace StaticDossier.Warc;

/// <summary>One WARC record: its named fields and, when it is no larger than the reader's cap, its block.</summary>
/// <param name="Version">The version line, <c>WARC/1.0</c> or <c>WARC/1.1</c>.</param>
/// <param name="Fields">The named fields in the order written.</param>
/// <param name="ContentLength">The block's length in bytes (its <c>Content-Length</c>).</param>
/// <param name="Number">1-based position of the record in its WARC.</param>
/// <param name="Line">1-based line of the version line in the (uncompressed) WARC, for positioned messages.</param>
/// <param name="Offset">Byte offset of the version line in the uncompressed WARC.</param>
/// <param name="Block">The block's bytes; null when it is larger than the cap (it was read past, not kept).</param>
internal sealed record WarcRecord(
    string Version,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    long ContentLength,
    int Number,
    int Line,
    long Offset,
    byte[]? Block)
{
    /// <summary>The first field named <paramref name="name"/> (names compare without case, as in WARC), or null.</summary>
    public string? this[string name] =>
        Fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary><c>WARC-Type</c>: warcinfo, response, request, revisit, metadata, resource, …</summary>
    public string Type => this["WARC-Type"] ?? string.Empty;

    /// <summary><c>WARC-Record-ID</c> without its angle brackets.</summary>
    public string? RecordId => this["WARC-Record-ID"]?.Trim().TrimStart('<').TrimEnd('>');
}

/// <summary>A WARC stops being valid at a known place; records read before it stand.</summary>
internal sealed class WarcFormatException(string message, int line, long offset) : Exception(message)
{
    /// <summary>1-based line in the uncompressed WARC where the problem was found.</summary>
    public int Line { get; } = line;

    /// <summary>Byte offset in the uncompressed WARC where the problem was found.</summary>
    public long Offset { get; } = offset;
}
