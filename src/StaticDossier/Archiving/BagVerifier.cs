using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StaticDossier.Diagnostics;

namespace StaticDossier.Archiving;

/// <summary>What verification found.</summary>
/// <param name="PayloadFiles">Payload files in the bag.</param>
/// <param name="PayloadOctets">Their total size in bytes.</param>
/// <param name="Algorithms">The checksum algorithms that were checked.</param>
/// <param name="Problems">How many errors were reported; 0 means the bag is complete and valid.</param>
public sealed record BagVerification(int PayloadFiles, long PayloadOctets, IReadOnlyList<string> Algorithms, int Problems)
{
    /// <summary>True when the bag is complete and every checksum matched (RFC 8493 §3).</summary>
    public bool IsValid => Problems == 0;
}

/// <summary>Checks that a bag is complete and valid (RFC 8493 §3): the declaration, every checksum of every payload
/// and tag manifest recomputed, every missing, extra or altered file reported by name, and Payload-Oxum.</summary>
public sealed partial class BagVerifier
{
    private readonly IBagSource _bag;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _files;
    private readonly Dictionary<string, Dictionary<string, string>> _checksums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lengths = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);
    private int _problems;

    private BagVerifier(IBagSource bag, DiagnosticBag diagnostics)
    {
        _bag = bag;
        _diagnostics = diagnostics;
        _files = new HashSet<string>(bag.Files, StringComparer.Ordinal);
    }

    /// <summary>Verifies <paramref name="bag"/>, reporting every problem to <paramref name="diagnostics"/>.</summary>
    public static BagVerification Verify(IBagSource bag, DiagnosticBag diagnostics) => new BagVerifier(bag, diagnostics).Run();

    private BagVerification Run()
    {
        RefuseOversizedTagFiles();
        CheckDeclaration();
        var payloadManifests = ReadManifests(isTag: false);
        var tagManifests = ReadManifests(isTag: true);
        if (!_bag.Files.Any(f => BagLayout.ManifestAlgorithm(f) is not null))
        {
            Error(DiagnosticCodes.BagManifestInvalid, "The bag has no payload manifest (manifest-sha512.txt or similar), so nothing can be checked.", Where());
        }

        CheckTagManifestsCoverEveryAlgorithm();
        var algorithms = payloadManifests.Concat(tagManifests).Select(m => m.Algorithm).Distinct().Order(StringComparer.Ordinal).ToList();
        HashEveryFile(algorithms);

        var payload = _bag.Files.Where(BagLayout.IsPayload).ToList();
        CheckListed(payloadManifests, payload);
        var tagFiles = _bag.Files.Where(f => !BagLayout.IsPayload(f) && BagLayout.TagManifestAlgorithm(f) is null).ToList();
        CheckListed(tagManifests, tagManifests.Count > 0 ? tagFiles : []);

        var octets = payload.Sum(f => _lengths.GetValueOrDefault(f));
        CheckBagInfo(octets, payload.Count);
        return new BagVerification(payload.Count, octets, algorithms, _problems);
    }

    /// <summary>Tag files are read whole; one that states a size past its cap (a bagit.txt that inflates to
    /// gigabytes) is reported and never read, so verifying stays bounded in time and memory.</summary>
    private void RefuseOversizedTagFiles()
    {
        foreach (var path in _bag.Files.Where(f => !BagLayout.IsPayload(f)))
        {
            var cap = TagCap(path);
            long length;
            try
            {
                length = _bag.Length(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // HashEveryFile reports it
            }

            if (length > cap)
            {
                _unreadable.Add(path);
                Error(DiagnosticCodes.BagUnreadable,
                    $"'{Shorten(path)}' is {length.ToString("N0", CultureInfo.InvariantCulture)} bytes; a tag file is read only up to {cap.ToString("N0", CultureInfo.InvariantCulture)}.", Where(path));
            }
        }
    }

    /// <summary>The most a tag file may hold: bagit.txt is two short lines; a manifest lists every file of a large site.</summary>
    private static long TagCap(string path) => path == BagLayout.Declaration ? 4 << 10 : path == BagLayout.Info ? 1 << 20 : 256L << 20;

    private void CheckDeclaration()
    {
        if (!_files.Contains(BagLayout.Declaration))
        {
            Error(DiagnosticCodes.BagDeclarationInvalid, $"Not a bag: {BagLayout.Declaration} is missing.", Where(BagLayout.Declaration));
            return;
        }

        var bytes = ReadAll(BagLayout.Declaration);
        if (bytes is null)
        {
            return;
        }

        var where = Where(BagLayout.Declaration);
        if (bytes.AsSpan().StartsWith<byte>([0xEF, 0xBB, 0xBF]))
        {
            Error(DiagnosticCodes.BagDeclarationInvalid, "bagit.txt must not start with a byte-order mark.", where);
        }

        var lines = Decode(BagLayout.Declaration, bytes) is { } text ? BagText.Lines(text) : null;
        if (lines is null)
        {
            return;
        }

        if (lines.Count != 2 || VersionLine().Match(lines[0]) is not { Success: true } version || EncodingLine().Match(lines[1]) is not { Success: true } encoding)
        {
            Error(DiagnosticCodes.BagDeclarationInvalid,
                "bagit.txt must be exactly two lines: 'BagIt-Version: 1.0' and 'Tag-File-Character-Encoding: UTF-8'.", where);
            return;
        }

        if (!string.Equals(encoding.Groups[1].Value, "UTF-8", StringComparison.OrdinalIgnoreCase))
        {
            Error(DiagnosticCodes.BagDeclarationInvalid, $"Tag files are declared as '{encoding.Groups[1].Value}'; only UTF-8 tag files can be checked.", where);
        }

        if (version.Groups[1].Value != "1.0")
        {
            _diagnostics.Warning(DiagnosticCodes.BagDeclarationInvalid, $"BagIt version {version.Groups[1].Value}; checked by the rules of version 1.0.", where);
        }
    }

    // Nothing lists a tag manifest, so a lost one is seen only by its absence beside its payload manifest.
    private void CheckTagManifestsCoverEveryAlgorithm()
    {
        var tagAlgorithms = _bag.Files.Select(BagLayout.TagManifestAlgorithm).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var payloadAlgorithms = _bag.Files.Select(BagLayout.ManifestAlgorithm).OfType<string>().ToList();
        if (tagAlgorithms.Count == 0)
        {
            if (payloadAlgorithms.Count > 0)
            {
                _diagnostics.Warning(DiagnosticCodes.BagManifestInvalid,
                    "The bag has no tag manifest (tagmanifest-sha512.txt or similar): bag-info.txt and the manifests themselves are not checked.", Where());
            }

            return;
        }

        foreach (var algorithm in payloadAlgorithms.Where(a => !tagAlgorithms.Contains(a)))
        {
            var name = BagLayout.TagManifestName(algorithm);
            Error(DiagnosticCodes.BagFileMissing,
                $"Missing: '{name}' is not in the bag, though the bag has {BagLayout.ManifestName(algorithm)} and other tag manifests.", Where(name));
        }
    }

    private List<Manifest> ReadManifests(bool isTag)
    {
        var manifests = new List<Manifest>();
        foreach (var name in _bag.Files)
        {
            var algorithm = isTag ? BagLayout.TagManifestAlgorithm(name) : BagLayout.ManifestAlgorithm(name);
            if (algorithm is null)
            {
                continue;
            }

            if (!ChecksumAlgorithms.IsKnown(algorithm))
            {
                Error(DiagnosticCodes.BagManifestInvalid, $"Unknown checksum algorithm '{algorithm}': this manifest cannot be checked.", Where(name));
                continue;
            }

            if (ReadAll(name) is { } bytes && Decode(name, bytes) is { } text)
            {
                manifests.Add(ParseManifest(name, algorithm, text, isTag));
            }
        }

        return manifests;
    }

    private Manifest ParseManifest(string name, string algorithm, string text, bool isTag)
    {
        var entries = new SortedDictionary<string, (string Checksum, int Line)>(StringComparer.Ordinal);
        var lines = BagText.Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var where = new SourceLocation(_bag.Display + "/" + name, i + 1, 1);
            var match = ManifestLine().Match(lines[i]);
            if (!match.Success || match.Groups[1].Value.Length != ChecksumAlgorithms.HexLength(algorithm))
            {
                Error(DiagnosticCodes.BagManifestInvalid, $"Expected '<{algorithm} checksum> <path>', found '{Shorten(lines[i])}'.", where);
                continue;
            }

            var path = BagLayout.DecodePath(match.Groups[2].Value);
            var problem = BagLayout.Unsafe(path)
                ?? (isTag && BagLayout.IsPayload(path) ? "a tag manifest must not list payload files" : null)
                ?? (isTag && BagLayout.TagManifestAlgorithm(path) is not null ? "a tag manifest must not list tag manifests" : null)
                ?? (!isTag && !BagLayout.IsPayload(path) ? "a payload manifest lists only files under data/" : null);
            if (problem is not null)
            {
                Error(DiagnosticCodes.BagManifestInvalid, $"'{Shorten(match.Groups[2].Value)}' cannot be checked: {problem}.", where);
                continue;
            }

            if (!entries.TryAdd(path, (match.Groups[1].Value.ToLowerInvariant(), i + 1)))
            {
                Error(DiagnosticCodes.BagManifestInvalid, $"'{Shorten(path)}' is listed twice.", where);
            }
        }

        return new Manifest(name, algorithm, entries);
    }

    private void HashEveryFile(List<string> algorithms)
    {
        // One pass over each file computes every algorithm; zip entries are read one at a time.
        foreach (var path in _bag.Files.Where(f => !_unreadable.Contains(f)))
        {
            try
            {
                using var stream = _bag.Open(path);
                var (checksums, length) = ChecksumAlgorithms.HashAll(stream, algorithms);
                _checksums[path] = checksums;
                _lengths[path] = length;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                _unreadable.Add(path);
                // A zip entry that disagrees with its central directory is a damaged archive, not an altered file.
                Error(ex is ZipEntryDamagedException ? DiagnosticCodes.BagUnreadable : DiagnosticCodes.BagFileAltered,
                    $"Damaged: '{Shorten(path)}' cannot be read ({ex.Message}).", Where(path));
            }
        }
    }

    private void CheckListed(List<Manifest> manifests, List<string> shouldBeListed)
    {
        var missing = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var altered = new SortedDictionary<string, List<(string Manifest, string Algorithm, string Expected, int Line)>>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            foreach (var (path, (checksum, line)) in manifest.Entries)
            {
                if (!_files.Contains(path))
                {
                    Add(missing, path, manifest.Name);
                }
                else if (!_unreadable.Contains(path) && _checksums[path][manifest.Algorithm] != checksum)
                {
                    Add(altered, path, (manifest.Name, manifest.Algorithm, checksum, line));
                }
            }
        }

        foreach (var (path, names) in missing)
        {
            Error(DiagnosticCodes.BagFileMissing, $"Missing: '{Shorten(path)}' is listed in {string.Join(" and ", names)} but is not in the bag.", Where(path));
        }

        foreach (var (path, found) in altered)
        {
            var first = found[0];
            var actual = _checksums[path][first.Algorithm];
            Error(DiagnosticCodes.BagFileAltered,
                $"Altered: '{Shorten(path)}' does not match its {string.Join(" and ", found.Select(f => f.Algorithm))} checksum{(found.Count > 1 ? "s" : "")} " +
                $"({first.Manifest} line {first.Line.ToString(CultureInfo.InvariantCulture)} says {Short(first.Expected)}, the file is {Short(actual)}).",
                Where(path));
        }

        foreach (var path in shouldBeListed)
        {
            var absentFrom = manifests.Where(m => !m.Entries.ContainsKey(path)).Select(m => m.Name).ToList();
            if (absentFrom.Count > 0)
            {
                Error(DiagnosticCodes.BagFileExtra, $"Extra: '{Shorten(path)}' is in the bag but not listed in {string.Join(" and ", absentFrom)}.", Where(path));
            }
        }
    }

    private void CheckBagInfo(long octets, int streams)
    {
        if (!_files.Contains(BagLayout.Info) || ReadAll(BagLayout.Info) is not { } bytes || Decode(BagLayout.Info, bytes) is not { } text)
        {
            return;
        }

        var errors = new List<(int Line, string Message)>();
        var elements = BagInfoFormat.Parse(text, errors);
        foreach (var (line, message) in errors)
        {
            Error(DiagnosticCodes.BagInfoInvalid, message, new SourceLocation(_bag.Display + "/" + BagLayout.Info, line, 1));
        }

        var oxums = elements.Where(e => string.Equals(e.Label, "Payload-Oxum", StringComparison.OrdinalIgnoreCase)).ToList();
        if (oxums.Count > 1)
        {
            Error(DiagnosticCodes.BagInfoInvalid, "Payload-Oxum appears more than once.", new SourceLocation(_bag.Display + "/" + BagLayout.Info, oxums[1].Line, 1));
        }

        foreach (var oxum in oxums.Take(1))
        {
            var where = new SourceLocation(_bag.Display + "/" + BagLayout.Info, oxum.Line, 1);
            var match = OxumValue().Match(oxum.Value);
            if (!match.Success)
            {
                Error(DiagnosticCodes.BagInfoInvalid, $"Payload-Oxum '{Shorten(oxum.Value)}' is not 'octets.files'.", where);
            }
            else if (match.Groups[1].Value != octets.ToString(CultureInfo.InvariantCulture) || match.Groups[2].Value != streams.ToString(CultureInfo.InvariantCulture))
            {
                Error(DiagnosticCodes.BagInfoInvalid,
                    $"Payload-Oxum says {match.Groups[1].Value} bytes in {match.Groups[2].Value} files; the payload has {octets.ToString(CultureInfo.InvariantCulture)} bytes in {streams.ToString(CultureInfo.InvariantCulture)} files.",
                    where);
            }
        }

        foreach (var date in elements.Where(e => string.Equals(e.Label, "Bagging-Date", StringComparison.OrdinalIgnoreCase)))
        {
            if (!DateOnly.TryParseExact(date.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                _diagnostics.Warning(DiagnosticCodes.BagInfoInvalid, $"Bagging-Date '{Shorten(date.Value)}' is not YYYY-MM-DD.",
                    new SourceLocation(_bag.Display + "/" + BagLayout.Info, date.Line, 1));
            }
        }
    }

    private byte[]? ReadAll(string path)
    {
        if (_unreadable.Contains(path))
        {
            return null;
        }

        try
        {
            // Streamed with the cap counted while reading: a folder's file may grow, a zip entry may lie about its size.
            var cap = TagCap(path);
            using var stream = _bag.Open(path);
            using var memory = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                memory.Write(buffer, 0, read);
                if (memory.Length > cap)
                {
                    throw new InvalidDataException($"it holds more than {cap.ToString("N0", CultureInfo.InvariantCulture)} bytes, the most a tag file may");
                }
            }

            return memory.ToArray();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // HashEveryFile reports it.
            return null;
        }
    }

    private string? Decode(string path, byte[] bytes)
    {
        try
        {
            return BagLayout.StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Error(DiagnosticCodes.BagManifestInvalid, $"'{path}' is not valid UTF-8, so it cannot be read.", Where(path));
            return null;
        }
    }

    private void Error(string code, string message, SourceLocation where)
    {
        _problems++;
        _diagnostics.Error(code, message, where);
    }

    private SourceLocation Where(string? path = null) =>
        SourceLocation.InFile(path is null ? _bag.Display : _bag.Display + "/" + BagLayout.EncodePath(path));

    private static void Add<T>(SortedDictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private static string Short(string checksum) => checksum.Length <= 16 ? checksum : checksum[..16] + "…";

    private static string Shorten(string s)
    {
        var visible = BagLayout.EncodePath(s);
        return visible.Length <= 120 ? visible : visible[..120] + "…";
    }

    [GeneratedRegex("^BagIt-Version: ([0-9]+\\.[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionLine();

    [GeneratedRegex("^Tag-File-Character-Encoding: (\\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex EncodingLine();

    [GeneratedRegex("^([0-9A-Fa-f]+)[ \\t]+(\\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ManifestLine();

    [GeneratedRegex("^([0-9]+)\\.([0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex OxumValue();

    private sealed record Manifest(string Name, string Algorithm, SortedDictionary<string, (string Checksum, int Line)> Entries);
}
