using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using StaticDossier.Analysis;

namespace StaticDossier.Rendering.Data;

/// <summary>The whole dossier's metadata for download: <c>data/dossier.json</c> and <c>data/dossier.csv</c>,
/// one record per article in timeline order.</summary>
internal sealed partial class MetadataExporter : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context) =>
        context.Memo is { } memo && context.Dossier.Articles.Count > 0
            ? Joined(context.Dossier, context.Config.BaseUrl, memo)
            : Render(context.Dossier, context.Config.BaseUrl);

    private static readonly string[] Header = ["title", "date", "date_approx", "language", "source", "byline", "original_url", "retrieved_at", "page", "people", "tags", "seed", "seed_sha256", "seed_url", "citation", "removed_blocks"];

    // Seed text could start with '=' or '@'; a spreadsheet opening the CSV must not run it as a formula.
    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    internal static IEnumerable<OutputFile> Render(DossierModel model, string baseUrl)
    {
        var records = model.Articles.Select(a => Record(a, baseUrl)).ToList();

        yield return new OutputFile(SitePaths.MetadataJson, IndentedJson(new Export(records)));

        using var stream = new ExportStream();
        using (var csv = CsvWriter.Create(stream, CsvOptions, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var r in records)
            {
                WriteRow(csv, r);
            }
        }

        yield return new OutputFile(SitePaths.MetadataCsv, stream.ToArray());
    }

    /// <summary>The same files from each article's JSON record and CSV row, made once per article view: a live build keeps
    /// an unchanged article's view, so only the edited records are written again.</summary>
    private static IEnumerable<OutputFile> Joined(DossierModel model, string baseUrl, Incremental.RenderMemo memo)
    {
        var pieces = new Pieces[model.Articles.Count];
        var kind = "metadata " + baseUrl;
        Parallel.For(0, pieces.Length, i => pieces[i] = memo.Derived(model.Articles[i], kind, baseUrl, static (a, url) => Piece(Record(a, url))));

        // An article whose view the model memo kept has the same piece: with every piece as last time, the files are too.
        var parts = (object?[])pieces;
        yield return new OutputFile(SitePaths.MetadataJson, memo.Joined(SitePaths.MetadataJson, parts, () =>
        {
            // As the serializer indents the whole export: each record two levels in, separated by a comma and a line end.
            var head = "{\n  \"articles\": [\n"u8;
            var tail = "\n  ]\n}\n"u8;
            var json = new Joiner(head.Length + pieces.Sum(p => p.Json.Length) + (2 * (pieces.Length - 1)) + tail.Length);
            json.Write(head);
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0)
                {
                    json.Write(",\n"u8);
                }

                json.Write(pieces[i].Json);
            }

            json.Write(tail);
            return json.Bytes();
        }));

        yield return new OutputFile(SitePaths.MetadataCsv, memo.Joined(SitePaths.MetadataCsv, parts, () =>
        {
            var header = memo.Derived(Header, "csv header", static h => Row(w => w.WriteHeader(h)));
            var csv = new Joiner(header.Length + pieces.Sum(p => p.Csv.Length));
            csv.Write(header);
            foreach (var piece in pieces)
            {
                csv.Write(piece.Csv);
            }

            return csv.Bytes();
        }));
    }

    /// <summary>Bytes written into one array of the size they add up to: a 10 MB export is not grown by doubling nor copied out.</summary>
    private sealed class Joiner(int capacity)
    {
        private readonly byte[] _bytes = GC.AllocateUninitializedArray<byte>(capacity);
        private int _length;

        public void Write(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_bytes.AsSpan(_length));
            _length += bytes.Length;
        }

        public byte[] Bytes() => _length == _bytes.Length ? _bytes : throw new InvalidOperationException($"{_length} of {_bytes.Length} bytes written.");
    }

    /// <summary>One article's record in <c>dossier.json</c>, indented as there, and its row of <c>dossier.csv</c>.</summary>
    private sealed record Pieces(byte[] Json, byte[] Csv) : Incremental.IJoinedPart
    {
        public bool SameBytes(object other) =>
            other is Pieces p && Json.AsSpan().SequenceEqual(p.Json) && Csv.AsSpan().SequenceEqual(p.Csv);
    }

    private static Pieces Piece(ArticleRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = Json.Indented.IndentSize, Encoder = Json.Indented.Encoder }))
        {
            JsonSerializer.Serialize(writer, record, Context.ArticleRecord);
        }

        // Two levels in: every line of the record gets twice the indent (a line end inside a string is escaped).
        var indent = new string(' ', 2 * Json.Indented.IndentSize);
        var text = indent + System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan).Replace("\n", "\n" + indent, StringComparison.Ordinal);
        return new Pieces(System.Text.Encoding.UTF8.GetBytes(text), Row(csv => WriteRow(csv, record)));
    }

    private static byte[] Row(Action<CsvWriter> write)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvOptions, leaveOpen: true))
        {
            write(csv);
        }

        return stream.ToArray();
    }

    private static void WriteRow(CsvWriter csv, ArticleRecord r) =>
        csv.WriteRecord([r.Title, r.Date, r.DateApprox, r.Language, r.Source, r.Byline, r.OriginalUrl, r.RetrievedAt, r.Page,
            string.Join("; ", r.People), string.Join("; ", r.Tags), r.Seed, r.SeedSha256, r.SeedUrl, r.Citation, r.RemovedBlocks?.ToString(CultureInfo.InvariantCulture)]);

    private static ArticleRecord Record(ArticleView a, string baseUrl) => new()
    {
        Title = a.Title,
        Date = a.Date,
        DateApprox = a.DateApprox,
        Language = a.Language,
        Source = a.Source,
        Byline = a.Byline,
        OriginalUrl = a.SourceUrl,
        RetrievedAt = a.RetrievedAt?.Value,
        Page = a.AbsoluteUrl,
        People = [.. a.People.Select(p => p.Name)],
        Tags = [.. a.Tags.Select(t => t.Name)],
        Summary = a.Summary,
        Seed = a.Seed,
        SeedSha256 = a.SeedSha256,
        SeedUrl = a.SeedUrl is null ? null : SiteUrls.Absolute(baseUrl, a.SeedUrl),
        Citation = a.Citation,
        RemovedBlocks = a.Page.Meta.RemovedBlocks,
    };

    /// <summary>The value as indented JSON and a final line end, written as UTF-8 once: as a string it was the file
    /// three times over (text, text with the line end, bytes), megabytes of the large-object heap each. The serializer
    /// hands a stream what it has written as it goes, so the export is held only in the stream's pieces.</summary>
    private static byte[] IndentedJson(Export value)
    {
        using var stream = new ExportStream();
        JsonSerializer.Serialize(stream, value, Context.Export);
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static readonly ExportJson Context = new(new JsonSerializerOptions(Json.Indented));

    [JsonSerializable(typeof(Export))]
    [JsonSerializable(typeof(ArticleRecord))]
    private sealed partial class ExportJson : JsonSerializerContext;

    private sealed record Export(IReadOnlyList<ArticleRecord> Articles);

    private sealed record ArticleRecord
    {
        public required string Title { get; init; }
        public string? Date { get; init; }
        /// <summary>An inferred period (YYYY-MM or YYYY) when there is no date: approximate, never a date.</summary>
        public string? DateApprox { get; init; }
        public required string Language { get; init; }
        public string? Source { get; init; }
        public string? Byline { get; init; }
        public string? OriginalUrl { get; init; }
        /// <summary>When the seed was captured (its sidecar's retrieved_at): the citation's access date.</summary>
        public string? RetrievedAt { get; init; }
        public required string Page { get; init; }
        public required IReadOnlyList<string> People { get; init; }
        public required IReadOnlyList<string> Tags { get; init; }
        public required string Summary { get; init; }
        public string? Seed { get; init; }
        public string? SeedSha256 { get; init; }
        /// <summary>The seed as captured, published as plain text beside the article.</summary>
        public string? SeedUrl { get; init; }
        public required string Citation { get; init; }
        public int? RemovedBlocks { get; init; }
    }
}
