using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using StaticDossier.Analysis;
using StaticDossier.Rendering.Data;

namespace StaticDossier.Rendering.Search;

/// <summary>Writes the search index as scripts under <c>assets/search/</c>, which the search page loads on demand
/// with script elements (fetch and XHR are refused from <c>file://</c>). Each shard calls
/// <c>dossierSearchLoaded(key, data)</c>:
/// <list type="bullet">
/// <item><c>index.js</c>: the entry, small whatever the dossier's size: the document count and the first word of each term chunk;</item>
/// <item><c>terms/N.js</c>: words in ordinal order, each <c>[spellings, [doc delta, weight, spelling mask, …]]</c>;</item>
/// <item><c>pairs/N.js</c>: for each word, the words that follow it somewhere and the articles where they do (as
/// <see cref="FacetSets"/> strings), found through the word's term entry (<see cref="PairShards"/>) and only loaded
/// for queries of several words, to rank phrases;</item>
/// <item><c>docs/ID.js</c>: one article's title, URL, date, source, language and text, loaded for the results shown;</item>
/// <item><c>facets/NAME.js</c>: for each language, year, source, person and tag, the articles that have it (as
/// <see cref="FacetSets"/> strings), for filters and their counts; loaded after the first results are shown.</item>
/// </list></summary>
internal sealed class SearchIndexRenderer : ISiteOutput
{
    private const string Folder = SitePaths.SearchFolder;

    /// <summary>A term chunk aims at this many bytes, more for very large dossiers so the entry file (one word per
    /// chunk) stays a few kilobytes.</summary>
    internal const int ChunkBytes = 24 * 1024;
    private const int MaxChunks = 1500;

    private static readonly JsonWriterOptions Options = new() { Encoder = Json.Compact.Encoder };

    /// <summary>Documents made at once, on every core, by a build that keeps no memo.</summary>
    private const int DocumentChunk = 2048;

    public IEnumerable<OutputFile?> Render(OutputContext context) => Render(context.Dossier, context.Memo?.Search);

    internal static IEnumerable<OutputFile> Render(DossierModel model, SearchIndex.Memo? memo = null) =>
        memo is null ? Streamed(model) : Remembered(model, memo);

    /// <summary>A build without a memo (a one-off build): the files that read the articles' text first (<see
    /// cref="TextFiles"/>), then the index parsed, then the term and pair shards made of it (<see cref="TermFiles"/>).
    /// A caller that stages files as they come calls those steps itself, and lets the articles' text go between them.</summary>
    private static IEnumerable<OutputFile> Streamed(DossierModel model)
    {
        foreach (var file in TextFiles(model))
        {
            yield return file;
        }

        foreach (var file in TermFiles(Building.BuildTimings.Time("search: index", () => SearchIndex.Build(model))))
        {
            yield return file;
        }
    }

    /// <summary>The documents, a chunk at a time, and the facets: the files a one-off build makes of the articles' text
    /// and fields, before the index, so the text (~0.45 GB at 100,000 articles) need not live beside the index's parse
    /// and term entries; a caller that stages files as they come never holds every article's text twice (as
    /// <c>docs/N.js</c>).</summary>
    internal static IEnumerable<OutputFile> TextFiles(DossierModel model)
    {
        var articles = model.Articles;
        var docs = new OutputFile[Math.Min(DocumentChunk, articles.Count)];
        var making = TimeSpan.Zero;
        for (var start = 0; start < articles.Count; start += DocumentChunk)
        {
            var count = Math.Min(DocumentChunk, articles.Count - start);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Parallel.For(0, count, i => docs[i] = Script($"docs/{start + i}", w => Document(w, articles[start + i])));
            making += System.Diagnostics.Stopwatch.GetElapsedTime(started);
            for (var i = 0; i < count; i++)
            {
                yield return docs[i];
                docs[i] = null!;
            }
        }

        Building.BuildTimings.Note("search: documents", $"{articles.Count} made in chunks of {DocumentChunk}, {making.TotalMilliseconds:F0} ms wall");
        using (Building.BuildTimings.Time("search: facets"))
        {
            foreach (var file in Facets(model, null))
            {
                yield return file;
            }
        }
    }

    /// <summary>The term and pair shards and <c>index.js</c> of a one-off build's <paramref name="index"/>, all made
    /// before the first is handed on (the index is not held once they are made), and dequeued as they go: what takes
    /// them holds no file once it is handed on.</summary>
    internal static IEnumerable<OutputFile> TermFiles(SearchIndex index) => Dequeued(new Queue<OutputFile>(Terms(index, null).Files));

    private static IEnumerable<OutputFile> Dequeued(Queue<OutputFile> files)
    {
        while (files.TryDequeue(out var file))
        {
            yield return file;
        }
    }

    /// <summary>A build with a memo (serve): every file made, and what the next build can keep of them remembered.</summary>
    private static List<OutputFile> Remembered(DossierModel model, SearchIndex.Memo memo)
    {
        var (files, index, terms, chunkValues, shards) = Terms(Building.BuildTimings.Time("search: index", () => SearchIndex.Build(model, memo)), memo);
        var kept = memo.Shards;
        var articles = model.Articles;
        var docs = new OutputFile[articles.Count];
        var documentsMade = 0;
        var keys = new ShardMemo.DocumentKey[articles.Count];
        using (Building.BuildTimings.Time("search: documents"))
        {
            Parallel.For(0, articles.Count, i =>
            {
                var a = articles[i];
                var key = keys[i] = new ShardMemo.DocumentKey(a.Title, a.Url, a.Language, a.Date, a.DateDisplay, a.DateApprox, a.DateApproxDisplay, a.Source, a.PlainText);
                if (kept.Documents.TryGetValue(i, out var last) && last.Key == key)
                {
                    docs[i] = last.File;
                    return;
                }

                Interlocked.Increment(ref documentsMade);
                docs[i] = Script($"docs/{i}", w => Document(w, a));
            });
            files.AddRange(docs);
        }

        using (Building.BuildTimings.Time("search: facets"))
        {
            files.AddRange(Facets(model, kept));
        }

        Remember(kept, index, terms, chunkValues, shards, keys, docs);
        kept.DocumentsMade = documentsMade;
        return files;
    }

    /// <summary>The index, each term's entry and pairs, and the files made of them: term shards, pair shards and
    /// <c>index.js</c>.</summary>
    private static (List<OutputFile> Files, SearchIndex Index, ShardMemo.Term[] Terms, byte[][][] ChunkValues, OutputFile[] Shards) Terms(SearchIndex index, SearchIndex.Memo? memo)
    {
        var words = index.Words;
        var kept = memo?.Shards;
        var stale = Building.BuildTimings.Time("search: stale", () => kept?.Stale(index));

        // Each term's entry and pair pieces, made on every core, or taken from the last build where nothing they are
        // made of has changed.
        var terms = new ShardMemo.Term[words.Length];
        var made = 0;
        var pairsMade = 0;
        var pairsPatched = 0;
        var patched = 0;
        var pieceBytes = memo?.PairPieceBytes ?? ChunkBytes;
        long coreTicks = 0, pairTicks = 0, sweepTicks = 0, postings = 0, pairPostings = 0;
        using (Building.BuildTimings.Time("search: term entries"))
        {
            // Every term made afresh: their pairs found range by range, by walking the articles in order.
            if (stale is null)
            {
                var sweep = index.Sweeper();
                foreach (var (first, end) in index.SweepRanges())
                {
                    var swept = System.Diagnostics.Stopwatch.GetTimestamp();
                    sweep.Sweep(first, end);
                    sweepTicks += System.Diagnostics.Stopwatch.GetTimestamp() - swept;
                    Parallel.For(first, end, t => Make(t, sweep));
                }

                Building.BuildTimings.Note("search: pair sweeps", $"{sweep.Pairs} pairs, {sweepTicks * 1000 / System.Diagnostics.Stopwatch.Frequency} ms wall");
            }
            else
            {
                Parallel.For(0, words.Length, t => Make(t, null));
            }
        }

        void Make(int t, SearchIndex.PairSweep? sweep)
        {
            var known = stale is null ? null : kept!.Known(index, t);
            if (stale is not null && stale[t] is ShardMemo.Staleness.None)
            {
                terms[t] = known!;
                return;
            }

            Interlocked.Increment(ref made);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Interlocked.Add(ref postings, index.PostingCount(t));
            byte[]? core = null;
            int[] weights = [];
            // A kept entry is patched where only the changed articles' postings can differ; with new followers
            // (Staleness.All) as well as with the same.
            if (stale is not null && kept!.SameAverages && known is not null)
            {
                core = index.PatchedCore(t, known.Core, known.Weights, kept.Changed, out weights, kept.WordsBefore);
                if (core is not null)
                {
                    Interlocked.Increment(ref patched);
                }
            }

            core ??= index.TermCore(t, out weights);
            var keepPairs = stale is not null && stale[t] is ShardMemo.Staleness.Postings;
            if (keepPairs && ReferenceEquals(core, known!.Core))
            {
                // No weight moved: the entry is the one kept, bytes and all.
                terms[t] = known;
                return;
            }

            var cored = System.Diagnostics.Stopwatch.GetTimestamp();
            List<(string Start, byte[] Members)>? pieces = null;
            if (keepPairs)
            {
                pieces = known!.Pieces;
            }
            else if (stale is not null && known is not null)
            {
                pieces = PairPieces.Patched(index, t, known.Pieces, kept!.Changed, kept.LastDocuments!, memo!.Vocabulary.Folded, pieceBytes, Options);
                if (pieces is not null)
                {
                    Interlocked.Increment(ref pairsPatched);
                }
            }

            if (pieces is null)
            {
                Interlocked.Increment(ref pairsMade);
                Interlocked.Add(ref pairPostings, index.PostingCount(t));
                pieces = sweep is null ? PairShards.Pieces(index, t, pieceBytes, Options) : PairShards.SweptPieces(index, t, sweep, pieceBytes, Options);
            }

            Interlocked.Add(ref coreTicks, cored - started);
            Interlocked.Add(ref pairTicks, System.Diagnostics.Stopwatch.GetTimestamp() - cored);
            terms[t] = new ShardMemo.Term(core, weights, pieces, null, []);
        }

        Building.BuildTimings.Note("search: term entries", $"{made} of {words.Length} made ({patched} patched), {postings} postings, {coreTicks * 1000 / System.Diagnostics.Stopwatch.Frequency} ms in entries; {pairsMade} terms' pairs made ({pairPostings} postings), {pairsPatched} patched, {pairTicks * 1000 / System.Diagnostics.Stopwatch.Frequency} ms");
        var pairFiles = Building.BuildTimings.Time("search: pairs", () => Pairs(index, terms, kept, pieceBytes));
        int[] chunkStarts;
        OutputFile[] shards;
        byte[][][] chunkValues;
        var files = new List<OutputFile>();
        using (Building.BuildTimings.Time("search: term shards"))
        {
            var target = Math.Max(ChunkBytes, terms.Sum(e => (long)e.Value.Length) / MaxChunks);
            var starts = new List<int>();
            long size = 0;
            for (var t = 0; t < words.Length; t++)
            {
                if (starts.Count == 0 || size >= target)
                {
                    starts.Add(t);
                    size = 0;
                }

                size += terms[t].Value.Length;
            }

            starts.Add(words.Length);
            chunkStarts = [.. starts];
            var chunks = chunkStarts.Length - 1;
            shards = new OutputFile[chunks];
            chunkValues = new byte[chunks][][];
            Parallel.For(0, chunks, c =>
            {
                var values = chunkValues[c] = terms[chunkStarts[c]..chunkStarts[c + 1]].Select(e => e.Value).ToArray();
                // A term's entry is its word's alone, so the same entries (the very arrays) are the same words.
                if (kept is not null && kept.TermShards.TryGetValue(c, out var last) && SameArrays(last.Values, values))
                {
                    shards[c] = last.File;
                    return;
                }

                shards[c] = Shard($"terms/{c}", w =>
                {
                    for (var t = chunkStarts[c]; t < chunkStarts[c + 1]; t++)
                    {
                        w.WritePropertyName(words[t]);
                        w.WriteRawValue(terms[t].Value, skipInputValidation: true);
                    }
                });
            });
            files.AddRange(shards);
            files.AddRange(pairFiles);
            files.Add(Script("index", w =>
            {
                w.WriteStartObject();
                w.WriteNumber("version", 2);
                w.WriteNumber("documents", index.DocumentCount);
                w.WriteStartArray("chunks");
                for (var c = 0; c < chunks; c++)
                {
                    w.WriteStringValue(words[chunkStarts[c]]);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }, "window.dossierSearchIndex = "));
        }

        if (kept is not null)
        {
            (kept.TermsMade, kept.TermsPatched, kept.PairsMade, kept.PairsPatched) = (made, patched, pairsMade, pairsPatched);
        }

        return (files, index, terms, chunkValues, shards);
    }

    private static bool SameArrays(byte[][] a, byte[][] b) => a.Length == b.Length && a.Zip(b).All(x => ReferenceEquals(x.First, x.Second));

    private static void Remember(ShardMemo kept, SearchIndex index, ShardMemo.Term[] terms, byte[][][] chunkValues, OutputFile[] shards, ShardMemo.DocumentKey[] keys, OutputFile[] docs)
    {
        kept.Keep(index, terms);
        kept.TermShards.Clear();
        for (var c = 0; c < shards.Length; c++)
        {
            kept.TermShards[c] = (chunkValues[c], shards[c]);
        }

        kept.Documents.Clear();
        for (var i = 0; i < docs.Length; i++)
        {
            kept.Documents[i] = (keys[i], docs[i]);
        }
    }

    /// <summary>The pair shards; and each term's whole entry, now that where its pairs are is known. Each word's pairs
    /// are cut into pieces of about a chunk's size; pieces are packed in word order into shards of about that size.</summary>
    private static List<OutputFile> Pairs(SearchIndex index, ShardMemo.Term[] terms, ShardMemo? kept, int shardBytes)
    {
        var words = index.Words;
        var shards = new List<List<(int Term, byte[] Members)>>();
        var size = 0;
        for (var t = 0; t < words.Length; t++)
        {
            int? first = null;
            var starts = new List<string>();
            foreach (var (start, members) in terms[t].Pieces)
            {
                if (shards.Count == 0 || (size > 0 && size + members.Length > shardBytes))
                {
                    shards.Add([]);
                    size = 0;
                }

                if (first is null)
                {
                    first = shards.Count - 1;
                }
                else
                {
                    starts.Add(start);
                }

                shards[^1].Add((t, members));
                size += members.Length + words[t].Length + 4;
            }

            // Where the pairs are, written only when it moved: most saves leave every term's where it was.
            var at = first is { } f ? new PairShards(f, starts) : null;
            var term = terms[t];
            if (term.Value.Length == 0 || !PairShards.Same(term.At, at))
            {
                var where = at is null ? null : Encoding.UTF8.GetString(JsonBytes(at.Write));
                terms[t] = term with { At = at, Value = [.. term.Core, .. where is null ? "]"u8 : Encoding.UTF8.GetBytes("," + where + "]")] };
            }
        }

        var files = new OutputFile[shards.Count];
        Parallel.For(0, shards.Count, s =>
        {
            var members = shards[s].Select(p => p.Members).ToArray();
            if (kept is not null && kept.PairShards.TryGetValue(s, out var last) && SameArrays(last.Members, members))
            {
                files[s] = last.File;
                return;
            }

            files[s] = PairShard(s, shards[s], words);
        });
        if (kept is not null)
        {
            kept.PairShards.Clear();
            for (var s = 0; s < files.Length; s++)
            {
                kept.PairShards[s] = (shards[s].Select(p => p.Members).ToArray(), files[s]);
            }
        }

        return [.. files];
    }

    private static OutputFile PairShard(int number, List<(int Term, byte[] Members)> pieces, string[] words)
    {
        var body = new ArrayBufferWriter<byte>();
        body.Write("{"u8);
        for (var i = 0; i < pieces.Count; i++)
        {
            if (i > 0)
            {
                body.Write(","u8);
            }

            body.Write(JsonBytes(w => w.WriteStringValue(words[pieces[i].Term])));
            body.Write(":{"u8);
            body.Write(pieces[i].Members);
            body.Write("}"u8);
        }

        body.Write("}"u8);
        return new OutputFile($"{Folder}pairs/{number}.js", [.. Encoding.UTF8.GetBytes($"dossierSearchLoaded(\"pairs/{number}\","), .. body.WrittenSpan, .. ");\n"u8]);
    }

    private static OutputFile Shard(string key, Action<Utf8JsonWriter> words) => Script(key, w =>
    {
        w.WriteStartObject();
        words(w);
        w.WriteEndObject();
    });

    private static void Document(Utf8JsonWriter w, ArticleView a)
    {
        w.WriteStartObject();
        w.WriteString("title", a.Title);
        w.WriteString("url", a.Url);
        w.WriteString("language", a.Language);
        if (a.Date is not null)
        {
            w.WriteString("date", a.Date);
            w.WriteString("date_display", a.DateDisplay);
        }
        else if (a.DateApproxDisplay is not null)
        {
            w.WriteString("period", a.DateApprox);
            // Shown as it is on the article: marked approximate ("c. March 2022"), never as a date.
            w.WriteString("date_display", a.DateApproxDisplay);
        }

        if (a.Source is not null)
        {
            w.WriteString("source", a.Source);
        }

        w.WriteString("text", a.PlainText.Bytes);
        w.WriteEndObject();
    }

    /// <summary>One file per facet: its values in ordinal order (a language with its name) and, for each value, the
    /// articles that have it as a <see cref="FacetSets"/> string. Loaded after the first results are shown, or
    /// before them when the address carries a filter. A facet none of whose articles' values changed keeps its file.</summary>
    private static OutputFile[] Facets(DossierModel model, ShardMemo? kept)
    {
        var articles = model.Articles;
        var last = kept?.Facets;
        var files = new OutputFile[FacetKinds.Length];
        var made = new bool[FacetKinds.Length];
        // Each facet on its own core: one walks every article, and the five took a core 0.24 s at 100,000 articles.
        Parallel.For(0, FacetKinds.Length, k =>
        {
            var (name, valuesOf) = FacetKinds[k];
            if (last is not null && SameFacet(last.Value.Articles, articles, valuesOf))
            {
                files[k] = last.Value.Files[k];
                return;
            }

            made[k] = true;
            files[k] = name == "language" ? Facet(name, model, valuesOf, LanguageLabels(articles)) : Facet(name, model, valuesOf);
        });

        if (kept is not null)
        {
            (kept.Facets, kept.FacetsMade) = (([.. articles], files), [.. FacetKinds.Where((_, k) => made[k]).Select(f => f.Name)]);
        }

        return files;
    }

    private static readonly (string Name, Func<ArticleView, IEnumerable<string>> ValuesOf)[] FacetKinds =
    [
        // A language's value and its name: a name changed is a value changed.
        ("language", a => [a.Language, a.LanguageName]),
        ("year", a => Year(a) is { } y ? [y] : []),
        ("source", a => a.Source is { } s ? [s] : []),
        ("person", a => a.People.Select(p => p.Name)),
        ("tag", a => a.Tags.Select(t => t.Name)),
    ];

    /// <summary>Whether each article has the facet's values it had in the last build: the same article (a view the model
    /// memo hands out again is unchanged), or one with the same values at its id.</summary>
    private static bool SameFacet(ArticleView[] last, IReadOnlyList<ArticleView> articles, Func<ArticleView, IEnumerable<string>> valuesOf)
    {
        if (last.Length != articles.Count)
        {
            return false;
        }

        for (var i = 0; i < last.Length; i++)
        {
            if (!ReferenceEquals(last[i], articles[i]) && !valuesOf(last[i]).SequenceEqual(valuesOf(articles[i]), StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static Func<string, string> LanguageLabels(IReadOnlyList<ArticleView> articles)
    {
        var languageNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            languageNames.TryAdd(a.Language, a.LanguageName);
        }

        return v => languageNames[v];
    }

    /// <summary>The year an article is counted under in the year filter: an inferred period counts for its year, as the
    /// timeline places it.</summary>
    private static string? Year(ArticleView a) => a.TimeKey?[..4];

    private static OutputFile Facet(string name, DossierModel model, Func<ArticleView, IEnumerable<string>> valuesOf, Func<string, string>? label = null)
    {
        var articles = model.Articles;
        // Values found by hash and put in ordinal order once (a sorted dictionary compared strings at every article: a
        // title save that reorders a day makes every facet again).
        var ids = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var doc = 0; doc < articles.Count; doc++)
        {
            foreach (var v in label is null ? valuesOf(articles[doc]) : valuesOf(articles[doc]).Take(1))
            {
                if (!ids.TryGetValue(v, out var list))
                {
                    ids[v] = list = [];
                }

                // A value given twice (a person listed twice) counts the article once.
                if (list.Count == 0 || list[^1] != doc)
                {
                    list.Add(doc);
                }
            }
        }

        var values = ids.Keys.ToArray();
        Array.Sort(values, StringComparer.Ordinal);
        return Script($"facets/{name}", w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("values");
            foreach (var v in values)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
            if (label is not null)
            {
                w.WriteStartArray("labels");
                foreach (var v in values)
                {
                    w.WriteStringValue(label(v));
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("sets");
            var set = new ArrayBufferWriter<byte>();
            foreach (var v in values)
            {
                set.ResetWrittenCount();
                FacetSets.Encode(CollectionsMarshal.AsSpan(ids[v]), articles.Count, set);
                w.WriteStringValue(set.WrittenSpan);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>A script file: the call (or assignment) around the JSON, written into one buffer and copied out once.</summary>
    private static OutputFile Script(string key, Action<Utf8JsonWriter> write, string? prefix = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(Encoding.UTF8.GetBytes(prefix ?? $"dossierSearchLoaded(\"{key}\","));
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            write(w);
        }

        buffer.Write(prefix is null ? ");\n"u8 : ";\n"u8);
        return new OutputFile(Folder + key + ".js", buffer.WrittenSpan.ToArray());
    }

    private static byte[] JsonBytes(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            write(w);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
