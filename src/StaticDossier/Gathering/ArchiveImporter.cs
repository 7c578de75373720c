using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;
using StaticDossier.Warc;

namespace StaticDossier.Gathering;

/// <summary>What an import did, with each kind of skipped record counted under its reason.</summary>
public sealed class ImportReport
{
    private readonly SortedDictionary<string, int> _skipped = new(StringComparer.Ordinal);

    /// <summary>Records read.</summary>
    public int Records { get; internal set; }

    /// <summary>New seeds written.</summary>
    public List<string> Created { get; } = [];

    /// <summary>Pages a seed already held, byte for byte.</summary>
    public int Unchanged { get; internal set; }

    /// <summary>Skipped records by reason.</summary>
    public IReadOnlyDictionary<string, int> Skipped => _skipped;

    internal void Skip(string reason) => _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Records} records: {Created.Count} seeds created, {Unchanged} unchanged" +
        (_skipped.Count == 0 ? string.Empty : "; skipped " + string.Join(", ", _skipped.Select(s => $"{s.Value} {s.Key}")));
}

/// <summary>Takes pages out of a web archive into <c>seeds/</c>: the <c>response</c> records of a WARC (plain or gzip)
/// or of each <c>archive/*.warc[.gz]</c> in a WACZ, whose HTTP answer is a 200 with an HTML page. Payload digests are
/// checked, a page seen before is skipped, and each seed's sidecar names the archive, its hash and the record.
/// Streams: one record in memory at a time.</summary>
public sealed class ArchiveImporter
{
    private readonly string _seedsFolder;
    private readonly string _root;
    private readonly long _maxBytes;

    /// <summary>An importer writing seeds to <paramref name="seedsFolder"/> (paths shown relative to <paramref name="root"/>);
    /// pages larger than <paramref name="maxBytes"/> are skipped.</summary>
    public ArchiveImporter(string seedsFolder, string root, long maxBytes = SeedReader.MaxSeedBytes)
    {
        _seedsFolder = seedsFolder;
        _root = root;
        _maxBytes = maxBytes;
    }

    /// <summary>Imports <paramref name="archive"/>, keeping only target URIs that match <paramref name="urlGlob"/> when given.</summary>
    public ImportReport Import(string archive, string? urlGlob, DiagnosticBag diagnostics)
    {
        var report = new ImportReport();
        var display = archive.Replace('\\', '/');
        var name = Path.GetFileName(archive);
        string archiveSha;
        try
        {
            using var hashing = File.OpenRead(archive);
            archiveSha = Convert.ToHexStringLower(SHA256.HashData(hashing));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.ArchiveUnreadable, $"Cannot read the archive: {ex.Message}", SourceLocation.InFile(display));
            return report;
        }

        var glob = urlGlob is null ? null : Glob(urlGlob);
        var store = new SeedStore(_seedsFolder, _root, $"dossier import ({CaptureOptions.RobotsToken} {Archiving.GeneratorInfo.Version.Split('+')[0]})");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var context = new Context(report, store, seen, glob, archiveSha, diagnostics);
        try
        {
            using var file = File.OpenRead(archive);
            if (archive.EndsWith(".wacz", StringComparison.OrdinalIgnoreCase) || IsZip(file))
            {
                file.Position = 0;
                using var zip = new ZipArchive(file, ZipArchiveMode.Read);
                var warcs = zip.Entries
                    .Where(e => e.FullName.StartsWith("archive/", StringComparison.Ordinal)
                                && (e.FullName.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".warc", StringComparison.OrdinalIgnoreCase)))
                    .OrderBy(e => e.FullName, StringComparer.Ordinal)
                    .ToList();
                if (warcs.Count == 0)
                {
                    diagnostics.Error(DiagnosticCodes.ArchiveUnreadable, "This WACZ has no archive/*.warc.gz (or .warc) inside: nothing to import.", SourceLocation.InFile(display));
                }

                foreach (var entry in warcs)
                {
                    ReadWarc(entry.Open(), $"{display}#{entry.FullName}", $"{name}#{entry.FullName}", context);
                }
            }
            else
            {
                file.Position = 0;
                ReadWarc(file, display, name, context);
            }
        }
        catch (InvalidDataException ex)
        {
            diagnostics.Error(DiagnosticCodes.ArchiveUnreadable, $"Cannot read the WACZ as a zip: {ex.Message}", SourceLocation.InFile(display));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.ArchiveUnreadable, $"Cannot read the archive: {ex.Message}", SourceLocation.InFile(display));
        }

        return report;
    }

    private sealed record Context(ImportReport Report, SeedStore Store, HashSet<string> Seen, Regex? Glob, string ArchiveSha, DiagnosticBag Diagnostics);

    private void ReadWarc(Stream stream, string display, string archiveFile, Context context)
    {
        // Room for the HTTP headers in front of a page of the largest size accepted.
        using var reader = new WarcReader(stream, _maxBytes + 64 * 1024);
        while (true)
        {
            WarcRecord? record;
            try
            {
                record = reader.Next();
            }
            catch (WarcFormatException ex)
            {
                context.Diagnostics.Error(DiagnosticCodes.ArchiveUnreadable,
                    $"{ex.Message} (byte {ex.Offset.ToString(CultureInfo.InvariantCulture)} of the uncompressed WARC){Partial(context.Report)}",
                    new SourceLocation(display, ex.Line, 1));
                return;
            }

            if (record is null)
            {
                return;
            }

            context.Report.Records++;
            ImportRecord(record, display, archiveFile, context);
        }
    }

    private static string Partial(ImportReport report) =>
        report.Records switch
        {
            0 => string.Empty,
            1 => "; the record before it was read",
            var n => $"; the {n} records before it were read",
        };

    private void ImportRecord(WarcRecord record, string display, string archiveFile, Context context)
    {
        var (report, diagnostics) = (context.Report, context.Diagnostics);
        var where = new SourceLocation(display, record.Line, 1);
        var target = record["WARC-Target-URI"]?.Trim().TrimStart('<').TrimEnd('>');
        if (record.Type is not ("response" or "revisit"))
        {
            report.Skip($"{(record.Type.Length == 0 ? "untyped" : record.Type)} records");
            return;
        }

        if (context.Glob is not null && (target is null || !context.Glob.IsMatch(target)))
        {
            report.Skip("outside --url-glob");
            return;
        }

        if (record.Type == "revisit")
        {
            report.Skip("revisit records");
            diagnostics.Info(DiagnosticCodes.ArchiveRecordSkipped,
                $"Record {record.Number} is a revisit of {Short(target)}: it holds no page of its own (the page is in the record it refers to).", where);
            return;
        }

        if (record.Block is null)
        {
            report.Skip("too large");
            diagnostics.Warning(DiagnosticCodes.ArchiveRecordSkipped,
                $"Record {record.Number} ({Short(target)}) is {record.ContentLength:N0} bytes, over the cap of {_maxBytes:N0}: skipped.", where);
            return;
        }

        if (record["Content-Type"] is { } blockType && !blockType.StartsWith("application/http", StringComparison.OrdinalIgnoreCase))
        {
            report.Skip("not HTTP responses");
            return;
        }

        var http = HttpResponseBlock.Parse(record.Block, out var httpError);
        if (http is null)
        {
            report.Skip("unreadable HTTP");
            diagnostics.Warning(DiagnosticCodes.ArchiveRecordSkipped, $"Record {record.Number} ({Short(target)}) is skipped: {httpError}.", where);
            return;
        }

        if (http.Status != 200)
        {
            report.Skip(http.Status is >= 300 and < 400 ? "redirects (their target is a record of its own)" : $"status {http.Status}");
            return;
        }

        var contentType = http["Content-Type"];
        var mediaType = contentType?.Split(';')[0].Trim();
        if (!(mediaType is null ? PageFetcher.LooksLikeHtml(record.Block.AsSpan(http.PayloadStart)) :
                mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)))
        {
            report.Skip("not HTML");
            return;
        }

        if (record["WARC-Payload-Digest"] is { } digest && !DigestMatches(digest, record.Block, http))
        {
            report.Skip("damaged (wrong payload digest)");
            diagnostics.Error(DiagnosticCodes.ArchiveDigestMismatch,
                $"Record {record.Number} ({Short(target)}): its payload does not match its WARC-Payload-Digest '{Short(digest)}'; the record is damaged and was not imported.", where);
            return;
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            report.Skip("no http(s) target URI");
            diagnostics.Warning(DiagnosticCodes.ArchiveRecordSkipped, $"Record {record.Number} has no http(s) WARC-Target-URI ({Short(target)}): skipped.", where);
            return;
        }

        var body = http.Body(record.Block, _maxBytes, out var bodyError);
        if (body is null)
        {
            report.Skip("unreadable pages");
            diagnostics.Warning(DiagnosticCodes.ArchiveRecordSkipped, $"Record {record.Number} ({Short(target)}) is skipped: {bodyError}.", where);
            return;
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(body));
        if (!context.Seen.Add(sha))
        {
            report.Skip("duplicates");
            diagnostics.Info(DiagnosticCodes.ArchiveRecordSkipped, $"Record {record.Number} ({Short(target)}) repeats a page already taken from this archive: skipped.", where);
            return;
        }

        var retrieved = RetrievedAt(record["WARC-Date"]);
        if (retrieved is null)
        {
            diagnostics.Warning(DiagnosticCodes.ArchiveRecordSkipped,
                $"Record {record.Number} has no valid WARC-Date ('{Short(record["WARC-Date"])}'): imported without retrieved_at.", where);
        }

        var sidecar = new SeedMetadata
        {
            Url = url.AbsoluteUri,
            RetrievedAt = retrieved,
            HttpStatus = http.Status,
            ContentType = contentType,
            ArchiveFile = archiveFile,
            ArchiveSha256 = context.ArchiveSha,
            ArchiveRecord = record.RecordId,
        };
        var saved = context.Store.Save(SeedNaming.BaseName(url), body, sidecar);
        if (saved.Created)
        {
            report.Created.Add(saved.Path);
        }
        else
        {
            report.Unchanged++;
            diagnostics.Info(DiagnosticCodes.CaptureUnchanged, $"Record {record.Number} ({Short(target)}) is already the seed '{saved.Path}'.", where);
        }
    }

    // Tools disagree on whether the digest covers the payload as transferred or with its chunked coding undone
    // (WARC 1.1 §6.3.2 leaves it open); either is accepted.
    private static bool DigestMatches(string digest, byte[] block, HttpResponseBlock http)
    {
        var raw = block.AsSpan(http.PayloadStart);
        if (PayloadDigest.Matches(digest, raw) is not false)
        {
            return true;
        }

        return http.IsChunked && HttpResponseBlock.Dechunk(raw) is { } plain && PayloadDigest.Matches(digest, plain) == true;
    }

    private static string? RetrievedAt(string? warcDate) =>
        warcDate is not null && DateTimeOffset.TryParse(warcDate.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            && warcDate.Trim().Length >= 10
            ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : null;

    private static bool IsZip(Stream file)
    {
        Span<byte> head = stackalloc byte[4];
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]);
    }

    /// <summary>A shell-style pattern over whole addresses: <c>*</c> any run of characters, <c>?</c> one; no other
    /// character is special. Matched without backtracking, so no pattern can make it slow.</summary>
    internal static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.Singleline);

    private static string Short(string? text) => text is null ? "no address" : text.Length > 120 ? text[..120] + "…" : text;
}
