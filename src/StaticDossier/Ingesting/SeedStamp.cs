using System.Text.Json.Serialization;

namespace StaticDossier.Ingesting;

/// <summary>A seed as the file system describes it without reading it: its size and last write time, and its
/// sidecar's (size -1 when it has none). Equal stamps are taken for equal bytes, as make and git take them.</summary>
internal readonly record struct SeedStamp(long Size, long Written, long SidecarSize, long SidecarWritten)
{
    /// <summary>How long a file must have been left alone before its stamp is trusted: a file rewritten within the
    /// file system's clock step of being stamped could keep its size and time.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>The stamp of the seed <paramref name="file"/>; null when it or its sidecar is a link (its target may
    /// change under an unchanged link) or the seed is gone.</summary>
    public static SeedStamp? Of(string file)
    {
        var seed = new FileInfo(file);
        var sidecar = new FileInfo(Path.ChangeExtension(file, ".seed.yml"));
        if (!seed.Exists || seed.LinkTarget is not null || sidecar.LinkTarget is not null)
        {
            return null;
        }

        return sidecar.Exists
            ? new SeedStamp(seed.Length, seed.LastWriteTimeUtc.Ticks, sidecar.Length, sidecar.LastWriteTimeUtc.Ticks)
            : new SeedStamp(seed.Length, seed.LastWriteTimeUtc.Ticks, -1, 0);
    }

    /// <summary>True when neither file was written in the last moments before <paramref name="start"/> (UTC).</summary>
    public bool SettledBefore(DateTime start) => Written < (start - Settle).Ticks && SidecarWritten < (start - Settle).Ticks;
}

/// <summary>What the run that last read a seed learnt of it, so that a later run may leave it unread.</summary>
/// <param name="Size">The seed's size in bytes when read.</param>
/// <param name="Written">Its last write time (UTC ticks).</param>
/// <param name="SidecarSize">Its sidecar's size; -1 when it had none.</param>
/// <param name="SidecarWritten">Its sidecar's last write time (UTC ticks); 0 when it had none.</param>
/// <param name="Sha256">The hash of its bytes.</param>
/// <param name="Outlet">The outlet whose repeated lines it shares (a text dump's); null for a saved page.</param>
/// <param name="InputSha256">Its cleaning key then (<see cref="IngestSkip.InputKey"/>).</param>
internal sealed record KnownSeed(
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("written")] long Written,
    [property: JsonPropertyName("sidecar_size")] long SidecarSize,
    [property: JsonPropertyName("sidecar_written")] long SidecarWritten,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("outlet")] string? Outlet,
    [property: JsonPropertyName("input_sha256")] string InputSha256)
{
    /// <summary>The stamp the seed had when read.</summary>
    [JsonIgnore]
    public SeedStamp Stamp => new(Size, Written, SidecarSize, SidecarWritten);

    /// <summary>What is known of a seed read with stamp <paramref name="stamp"/>.</summary>
    public static KnownSeed From(SeedStamp stamp, string sha256, string? outlet, string inputSha256) =>
        new(stamp.Size, stamp.Written, stamp.SidecarSize, stamp.SidecarWritten, sha256, outlet, inputSha256);
}
