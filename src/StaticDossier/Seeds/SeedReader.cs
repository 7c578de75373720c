using System.Security.Cryptography;
using System.Text;
using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.IO;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StaticDossier.Seeds;

/// <summary>Reads seed files from disk and decodes them. The only stage that touches <c>seeds/</c>.</summary>
public sealed class SeedReader
{
    /// <summary>Seeds larger than this are refused: no news article is 20 MB of text.</summary>
    public const long MaxSeedBytes = 20 * 1024 * 1024;

    /// <summary>A sidecar holds a few lines (url, date, source).</summary>
    private const long MaxSidecarBytes = 64 * 1024;

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
        var files = List(folder, diagnostics);
        // Reading, decoding and hashing are per file: on every core, kept in listing order (diagnostics are sorted
        // when shown, so their order of arrival does not matter).
        var read = new SeedDocument?[files.Count];
        Parallel.For(0, files.Count, Ingestor.OnEveryCore, i => read[i] = Read(files[i], diagnostics));
        return [.. read.OfType<SeedDocument>()];
    }

    /// <summary>The seed files in <paramref name="folder"/>, in ordinal name order, unread; files that may not be read
    /// (links out of the dossier, broken links) and names that clash are reported here.</summary>
    public IReadOnlyList<string> List(string folder, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticCodes.ConfigFolderMissing, $"Seeds folder '{folder}' does not exist.", SourceLocation.None);
            return [];
        }

        var listing = DossierFiles.List(folder, _root, recursive: false, f => KindOf(f) is not null);
        foreach (var refused in listing.Refused)
        {
            diagnostics.Error(DiagnosticCodes.SeedRefused, $"Seed not read: {refused.Reason}.", SourceLocation.InFile(Display(refused.Path)));
        }

        ReportNameClashes(listing.Files, diagnostics);
        return listing.Files;
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

        if (DossierFiles.Refusal(file, _root) is { } refusal)
        {
            diagnostics.Error(DiagnosticCodes.SeedRefused, $"Seed not read: {refusal.Reason}.", SourceLocation.InFile(display));
            return null;
        }

        byte[] bytes;
        try
        {
            if (DossierFiles.Read(file, MaxSeedBytes, out var size) is not { } read)
            {
                diagnostics.Error(DiagnosticCodes.SeedUnreadable,
                    $"Seed is {(size < 0 ? "more than " : "")}{Math.Abs(size):N0} bytes; the limit is {MaxSeedBytes:N0}. Is this really a saved article?", SourceLocation.InFile(display));
                return null;
            }

            bytes = read;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.SeedUnreadable, $"Cannot read seed: {ex.Message}", SourceLocation.InFile(display));
            return null;
        }

        if (bytes.Length == 0)
        {
            diagnostics.Error(DiagnosticCodes.SeedUnreadable, "Seed is empty (0 bytes).", SourceLocation.InFile(display));
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

        if (kind == SeedKind.Html && HtmlDepth.FirstTooDeep(text) is { } deep)
        {
            diagnostics.Error(DiagnosticCodes.SeedHtmlTooDeep,
                $"Saved page nests more than {HtmlDepth.MaxDepth} elements inside each other here; no article needs that, and parsing it would take minutes. Save the page again, or as plain text.",
                new SourceLocation(display, deep.Line, deep.Column));
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
        if (!File.Exists(sidecar) && new FileInfo(sidecar).LinkTarget is null)
        {
            return null;
        }

        if (DossierFiles.Refusal(sidecar, _root) is { } refusal)
        {
            diagnostics.Error(DiagnosticCodes.SeedRefused, $"Seed sidecar not read: {refusal.Reason}.", SourceLocation.InFile(Display(sidecar)));
            return null;
        }

        try
        {
            if (DossierFiles.Read(sidecar, MaxSidecarBytes, out _) is not { } bytes)
            {
                diagnostics.Error(DiagnosticCodes.SeedSidecarInvalid, $"Seed sidecar is larger than {MaxSidecarBytes:N0} bytes: a sidecar holds a few lines.", SourceLocation.InFile(Display(sidecar)));
                return null;
            }

            var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
            if (YamlDepth.FirstTooDeep(text) is { } deep)
            {
                diagnostics.Error(DiagnosticCodes.SeedSidecarInvalid,
                    $"Seed sidecar nests lists or mappings more than {YamlDepth.MaxDepth} deep here; a sidecar holds a few lines of text.",
                    new SourceLocation(Display(sidecar), deep.Line, deep.Column));
                return null;
            }

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

    /// <summary>Warns about seeds whose names differ only by letter case or Unicode normalisation (NFC against NFD,
    /// as a Vietnamese name copied from macOS arrives): each is its own seed and page here, but a case-insensitive
    /// or normalising file system (Windows, macOS) holds only one of them, so copying the dossier there loses one.</summary>
    private void ReportNameClashes(IReadOnlyList<string> files, DiagnosticBag diagnostics)
    {
        foreach (var group in files.GroupBy(f => Path.GetFileName(f).Normalize(NormalizationForm.FormC).ToUpperInvariant(), StringComparer.Ordinal))
        {
            var names = group.ToList();
            for (var i = 1; i < names.Count; i++)
            {
                var how = names[i].Normalize(NormalizationForm.FormC).Equals(names[0].Normalize(NormalizationForm.FormC), StringComparison.Ordinal)
                    ? "only by Unicode normalisation (the same letters, composed differently)"
                    : "only by letter case";
                diagnostics.Warning(DiagnosticCodes.SeedNameClash,
                    $"Seed name differs from '{Display(names[0])}' {how}. Both are ingested, as two pages, but a Windows or macOS copy of the dossier keeps only one: rename one of them.",
                    SourceLocation.InFile(Display(names[i])));
            }
        }
    }

    /// <summary>The path a seed is known by: relative to the dossier root, forward slashes (<see cref="SeedDocument.Path"/>).</summary>
    internal string Display(string file) => Path.GetRelativePath(_root, Path.GetFullPath(file)).Replace('\\', '/');
}
