using System.Security.Cryptography;
using System.Text;
using StaticDossier.Config;
using StaticDossier.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StaticDossier.Seeds;

/// <summary>Reads seed files from disk and decodes them. The only stage that touches <c>seeds/</c>.</summary>
public sealed class SeedReader
{
    /// <summary>Seeds larger than this are refused: no news article is 20 MB of text.</summary>
    public const long MaxSeedBytes = 20 * 1024 * 1024;

    private static readonly IDeserializer SidecarDeserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    private readonly string _root;

    /// <summary>Creates a reader whose display paths are relative to <paramref name="root"/>.</summary>
    public SeedReader(string root) => _root = Path.GetFullPath(root);

    /// <summary>Reads every seed in <paramref name="folder"/>, in ordinal name order.</summary>
    public IReadOnlyList<SeedDocument> ReadAll(string folder, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticCodes.ConfigFolderMissing, $"Seeds folder '{folder}' does not exist.", SourceLocation.None);
            return [];
        }

        var files = Directory.EnumerateFiles(folder)
            .Where(f => KindOf(f) is not null)
            .Order(StringComparer.Ordinal)
            .ToList();
        var seeds = new List<SeedDocument>(files.Count);
        foreach (var file in files)
        {
            var seed = Read(file, diagnostics);
            if (seed is not null)
            {
                seeds.Add(seed);
            }
        }

        return seeds;
    }

    /// <summary>Reads one seed file; null (with a diagnostic) when it cannot be used.</summary>
    public SeedDocument? Read(string file, DiagnosticBag diagnostics)
    {
        var display = Display(file);
        var kind = KindOf(file);
        if (kind is null)
        {
            diagnostics.Error(DiagnosticCodes.SeedUnreadable, "Not a seed: expected a .txt or .html file.", SourceLocation.InFile(display));
            return null;
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(file);
            if (info.Length > MaxSeedBytes)
            {
                diagnostics.Error(DiagnosticCodes.SeedUnreadable,
                    $"Seed is {info.Length:N0} bytes; the limit is {MaxSeedBytes:N0}. Is this really a saved article?", SourceLocation.InFile(display));
                return null;
            }

            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.SeedUnreadable, $"Cannot read seed: {ex.Message}", SourceLocation.InFile(display));
            return null;
        }

        // The sidecar first: a charset the server declared in Content-Type is not in the page's bytes.
        var sidecar = ReadSidecar(file, diagnostics);
        var text = SeedDecoder.Decode(bytes, display, diagnostics, kind.Value, CharsetOf(sidecar?.ContentType));
        if (text is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(DiagnosticCodes.SeedUnreadable, "Seed is empty.", SourceLocation.InFile(display));
            return null;
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (sidecar?.Sha256 is { } saved && saved != sha)
        {
            diagnostics.Warning(DiagnosticCodes.SeedAlteredSinceSaved,
                $"Seed's bytes are not those saved (its sidecar records SHA-256 {saved[..12]}…, the file has {sha[..12]}…): it was edited after " +
                "capture, so it no longer matches its provenance. Capture the page again, or remove 'sha256' from the sidecar if the edit is meant.",
                SourceLocation.InFile(display));
        }

        return new SeedDocument(display, kind.Value, text, sha, sidecar);
    }

    /// <summary>The charset a Content-Type value declares, or null.</summary>
    internal static string? CharsetOf(string? contentType) =>
        contentType is not null && System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
            && type.CharSet is { Length: > 0 } charset ? charset.Trim('"', '\'', ' ') : null;

    /// <summary>The seed kind for a file name, or null when it is not a seed.</summary>
    public static SeedKind? KindOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".txt" => SeedKind.TextDump,
        ".html" or ".htm" => SeedKind.Html,
        _ => null,
    };

    private SeedMetadata? ReadSidecar(string seedFile, DiagnosticBag diagnostics)
    {
        var sidecar = Path.ChangeExtension(seedFile, ".seed.yml");
        if (!File.Exists(sidecar))
        {
            return null;
        }

        try
        {
            var text = File.ReadAllText(sidecar, Encoding.UTF8);
            var meta = SidecarDeserializer.Deserialize<SeedMetadata?>(text);
            return meta is null ? null : SidecarValidator.Validate(meta, text, Display(sidecar), diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.SeedSidecarInvalid, $"Cannot read seed sidecar: {ex.Message}", SourceLocation.InFile(Display(sidecar)));
            return null;
        }
        catch (YamlException ex)
        {
            diagnostics.Error(DiagnosticCodes.SeedSidecarInvalid, YamlMessages.Describe(ex, typeof(SeedMetadata)),
                new SourceLocation(Display(sidecar), (int)ex.Start.Line, (int)ex.Start.Column));
            return null;
        }
    }

    private string Display(string file) => Path.GetRelativePath(_root, Path.GetFullPath(file)).Replace('\\', '/');
}
