using System.Diagnostics;
using StaticDossier.Cleaning;
using StaticDossier.Seeds;

namespace StaticDossier.Benchmarks;

/// <summary>
/// Cleaning quality and speed on the extraction benchmark (../shared/eval/aeb-dev).
/// <c>cleaning score OUT [EVAL]</c> writes each page's cleaned body as plain text to OUT/html and OUT/text, for
/// <c>python3 ../shared/eval/score.py OUT/html --gold ../shared/eval/aeb-dev/gold --out /tmp/score</c>.
/// <c>cleaning speed [EVAL] [SECONDS]</c> measures pages per second on one thread for each kind (wall clock and
/// CPU time; on a shared machine set <c>DOTNET_TieredCompilation=0</c> so the warm-up reaches optimised code).
/// <c>cleaning explain FILE</c> prints the decisions for one page; <c>cleaning profile</c> times each rule.
/// In score mode a page's notes go to a <c>.notes</c> file beside its <c>.decisions</c>; <c>KINDS=text</c> cleans the
/// text dumps only.
/// </summary>
internal static class CleaningHarness
{
    public static int Run(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "score";
        _options = CleaningOptions.Default with
        {
            Thresholds = Tuned(Environment.GetEnvironmentVariable("TUNE")),
            TextLineModel = Model(Environment.GetEnvironmentVariable("LINEMODEL")),
        };

        if (mode == "explain")
        {
            var file = args[1];
            var kind = file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? SeedKind.Html : SeedKind.TextDump;
            Console.Write(DecisionReport.Explain(Clean(new SeedDocument(file, kind, File.ReadAllText(file), string.Empty)), 140));
            return 0;
        }

        if (mode == "features")
        {
            // cleaning features OUT.tsv EVAL...: the line model's training rows, the rules deciding alone.
            Features(args[1], args[2..]);
            return 0;
        }

        var eval = mode == "score" ? (args.Length > 2 ? args[2] : DefaultEval()) : (args.Length > 1 ? args[1] : DefaultEval());
        var html = Load(Path.Combine(eval, "html"), "*.html", SeedKind.Html);
        var text = Load(Path.Combine(eval, "text"), "*.txt", SeedKind.TextDump);
        if (mode == "score")
        {
            var output = args.Length > 1 ? args[1] : "/tmp/cleaning-out";
            if (Environment.GetEnvironmentVariable("KINDS") != "text")
            {
                Write(html, Path.Combine(output, "html"));
            }

            Write(text, Path.Combine(output, "text"));
            Console.WriteLine($"wrote {html.Count} html and {text.Count} text bodies under {output}");
            return 0;
        }

        var seconds = mode == "speed" && args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
        if (mode == "profile")
        {
            var empty = new AngleSharp.Html.Parser.HtmlParser();
            Time("text: empty document x10", () => { for (var i = 0; i < 10; i++) { foreach (var s in text) { using var d = empty.ParseDocument(string.Empty); } } });
            Time("text: read into blocks", () => { foreach (var s in text) { TextDumpReader.Read(s.Text); } });
            var parser = new AngleSharp.Html.Parser.HtmlParser(new AngleSharp.Html.Parser.HtmlParserOptions { IsKeepingSourceReferences = true });
            RuleTimes("text", text, s => (null, TextDumpReader.Read(s.Text)));
            RuleTimes("html", html, s =>
            {
                var d = parser.ParseDocument(s.Text);
                return (d, BlockReader.Read(d));
            });
            Time("html: parse", () => { foreach (var s in html) { using var d = parser.ParseDocument(s.Text); } });
            Time("html: parse+blocks", () => { foreach (var s in html) { using var d = parser.ParseDocument(s.Text); BlockReader.Read(d); } });
            return 0;
        }

        Speed("html", html, seconds);
        Speed("text", text, seconds);
        return 0;
    }

    private static string DefaultEval()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "..", "shared", "eval", "aeb-dev")))
        {
            dir = dir.Parent;
        }

        return dir is null ? "../shared/eval/aeb-dev" : Path.Combine(dir.FullName, "..", "shared", "eval", "aeb-dev");
    }

    private static List<SeedDocument> Load(string folder, string pattern, SeedKind kind) =>
        Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal)
            .Select(f => new SeedDocument(f, kind, File.ReadAllText(f), string.Empty)).ToList();

    private static CleaningOptions _options = CleaningOptions.Default;

    private static readonly AngleSharp.Html.Parser.HtmlParser Parser = new(new AngleSharp.Html.Parser.HtmlParserOptions { IsKeepingSourceReferences = true });

    // As HtmlCleaner and TextDumpCleaner do, with the thresholds under test.
    private static CleanedDocument Clean(SeedDocument seed)
    {
        if (seed.Kind != SeedKind.Html)
        {
            return ArticleCleaner.Clean(seed, null, TextDumpReader.Read(seed.Text), _options);
        }

        using var document = Parser.ParseDocument(seed.Text);
        return ArticleCleaner.Clean(seed, document, BlockReader.Read(document), _options);
    }

    // TUNE="TeaserShare=0.5,DropTruncated=0": a copy of the default thresholds with those values.
    private static CleaningThresholds Tuned(string? spec)
    {
        var t = CleaningThresholds.Default;
        foreach (var pair in (spec ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=');
            var v = double.Parse(kv[1], System.Globalization.CultureInfo.InvariantCulture);
            t = kv[0] switch
            {
                nameof(t.PitchWords) => t with { PitchWords = v },
                nameof(t.LegalWords) => t with { LegalWords = v },
                nameof(t.AnnouncedListLines) => t with { AnnouncedListLines = v },
                nameof(t.SiblingShare) => t with { SiblingShare = v },
                nameof(t.FalseAlarmShare) => t with { FalseAlarmShare = v },
                nameof(t.ContainerMinShare) => t with { ContainerMinShare = v },
                nameof(t.ProseHolderChars) => t with { ProseHolderChars = v },
                nameof(t.ProseHolderShare) => t with { ProseHolderShare = v },
                nameof(t.ProseHolderLead) => t with { ProseHolderLead = v },
                nameof(t.TeaserShare) => t with { TeaserShare = v },
                nameof(t.ListShare) => t with { ListShare = v },
                nameof(t.DropTruncated) => t with { DropTruncated = v != 0 },
                nameof(t.DropStandfirst) => t with { DropStandfirst = v != 0 },
                nameof(t.ListLineWords) => t with { ListLineWords = v },
                nameof(t.ShortCost) => t with { ShortCost = v },
                nameof(t.ShortLengthCost) => t with { ShortLengthCost = v },
                nameof(t.TextShortCost) => t with { TextShortCost = v },
                nameof(t.TextShortLengthCost) => t with { TextShortLengthCost = v },
                nameof(t.Coherence) => t with { Coherence = v },
                nameof(t.MaxGap) => t with { MaxGap = v },
                nameof(t.SentenceWords) => t with { SentenceWords = v },
                nameof(t.CommentsRunLead) => t with { CommentsRunLead = v },
                nameof(t.BareCommentsRunLead) => t with { BareCommentsRunLead = v },
                nameof(t.RefrainReach) => t with { RefrainReach = v },
                nameof(t.MainRunMinShare) => t with { MainRunMinShare = v },
                nameof(t.TextMainRunMinShare) => t with { TextMainRunMinShare = v },
                nameof(t.ThreadSignatures) => t with { ThreadSignatures = v },
                nameof(t.ThreadShortComments) => t with { ThreadShortComments = v },
                nameof(t.PartShare) => t with { PartShare = v },
                nameof(t.PartSentences) => t with { PartSentences = v },
                nameof(t.LineModelKeep) => t with { LineModelKeep = v },
                nameof(t.TextNearEmptyShare) => t with { TextNearEmptyShare = v },
                nameof(t.NearCopySequence) => t with { NearCopySequence = v },
                nameof(t.NearEmptyShare) => t with { NearEmptyShare = v },
                _ => throw new ArgumentException($"TUNE: no threshold named '{kv[0]}'."),
            };
        }

        return t;
    }

    // LINEMODEL=off: the rules alone; LINEMODEL=FILE: that model (a cross-validation fold); unset: the shipped one.
    private static LineModel? Model(string? spec) => spec switch
    {
        null or "" => CleaningOptions.Default.TextLineModel,
        "off" => null,
        _ => LineModel.Parse(File.ReadAllText(spec), spec),
    };

    // One row per line of every text dump: set (the folder's name), page id, line, the rules' decision, the features
    // and the text (the training script labels each line against the gold).
    private static void Features(string output, string[] evals)
    {
        using var writer = new StreamWriter(output);
        writer.WriteLine(string.Join('\t', new[] { "set", "id", "line" }.Concat(LineFeatures.Names).Append("text")));
        foreach (var eval in evals)
        {
            var set = Path.GetFileName(Path.TrimEndingDirectorySeparator(eval));
            foreach (var seed in Load(Path.Combine(eval, "text"), "*.txt", SeedKind.TextDump))
            {
                var options = _options with
                {
                    TextLineModel = null,
                    BeforeReview = (blocks, language) =>
                    {
                        var rows = LineFeatures.Compute(blocks, language);
                        var width = LineFeatures.Names.Length;
                        for (var i = 0; i < blocks.Count; i++)
                        {
                            var values = rows.AsSpan(i * width, width).ToArray().Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                            writer.WriteLine($"{set}\t{seed.Id}\t{blocks[i].Line}\t{string.Join('\t', values)}\t{blocks[i].Text.Replace('\t', ' ')}");
                        }
                    },
                };
                ArticleCleaner.Clean(seed, null, TextDumpReader.Read(seed.Text), options);
            }
        }
    }

    private static void Write(List<SeedDocument> seeds, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var seed in seeds)
        {
            var cleaned = Clean(seed);
            var body = string.Join("\n\n", cleaned.Decisions.Where(d => d.Kept).Select(d => d.Text));
            File.WriteAllText(Path.Combine(folder, seed.Id + ".txt"), body + "\n");
            File.WriteAllLines(Path.Combine(folder, seed.Id + ".decisions"),
                cleaned.Decisions.Select(d => $"{d.Line}\t{(d.Kept ? 1 : 0)}\t{d.Role}\t{d.Rule}\t{d.Reason}\t{d.Text}"));
            if (cleaned.Notes.Count > 0)
            {
                File.WriteAllLines(Path.Combine(folder, seed.Id + ".notes"), cleaned.Notes);
            }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    // "read" is parse plus blocks for saved pages; a dump is read straight into blocks.
    private static void RuleTimes(string name, List<SeedDocument> seeds, Func<SeedDocument, (AngleSharp.Dom.IDocument? Document, List<Block> Blocks)> read)
    {
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        // Bytes allocated per stage too: in a run on every core the collector's work follows them.
        var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        var counting = false;
        long allocated = 0;
        void Add(string k, Stopwatch w)
        {
            times[k] = times.GetValueOrDefault(k) + (counting ? w.Elapsed : TimeSpan.Zero);
            var now = GC.GetAllocatedBytesForCurrentThread();
            bytes[k] = bytes.GetValueOrDefault(k) + (counting ? now - allocated : 0);
            allocated = now;
        }
        for (var round = 0; round < 4; round++)
        {
            counting = round > 0;
            foreach (var seed in seeds)
            {
                allocated = GC.GetAllocatedBytesForCurrentThread();
                var w = Stopwatch.StartNew();
                var (doc, blocks) = read(seed);
                using var disposing = doc;
                Add("read", w);
                allocated = GC.GetAllocatedBytesForCurrentThread();
                w.Restart();
                var language = BlockClassifier.Classify(blocks);
                Add("classify", w);
                var context = new CleaningContext(doc, blocks, doc is null, language, _options.Thresholds);
                foreach (var rule in _options.Rules)
                {
                    allocated = GC.GetAllocatedBytesForCurrentThread();
                    w.Restart();
                    context.Run(rule);
                    Add(rule.Name, w);
                }

                if (doc is null && _options.TextLineModel is { } model)
                {
                    foreach (var b in blocks)
                    {
                        b.Decide(true, BlockRole.Body, "prose in the article's main run", RuleId.Default);
                    }

                    allocated = GC.GetAllocatedBytesForCurrentThread();
                    w.Restart();
                    LineFeatures.Compute(blocks, language, b => b.Kept == false && b.Rule.JudgesByShape());
                    Add("line-features", w);
                    allocated = GC.GetAllocatedBytesForCurrentThread();
                    w.Restart();
                    LineModelReview.Apply(blocks, language, model, _options.Thresholds);
                    Add("line-model", w);
                }
            }
        }

        foreach (var (k, v) in times.OrderByDescending(kv => kv.Value))
        {
            Console.WriteLine($"{name} {k,-14} {v.TotalMilliseconds / (3 * seeds.Count):F3} ms/page {bytes[k] / (3.0 * seeds.Count * 1024),8:F1} KB/page");
        }
    }

    private static void Time(string name, Action action)
    {
        action();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        action();
        action();
        Console.WriteLine($"{name}: {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 182:F2} CPU ms/page");
    }

    private static void Speed(string name, List<SeedDocument> seeds, double seconds)
    {
        // Warm up for a while: tiered JIT promotes hot methods on a background thread, which a busy machine starves.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < Math.Min(3, seconds))
        {
            foreach (var seed in seeds)
            {
                Clean(seed);
            }
        }

        var bytes = seeds.Sum(s => (long)s.Text.Length);
        var pages = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var seed in seeds)
            {
                Clean(seed);
            }

            pages += seeds.Count;
        }

        var rate = pages / clock.Elapsed.TotalSeconds;
        // On a shared machine the thread waits for a core; CPU time is what one core actually spent.
        var cpuRate = pages / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"{name}: {rate:F0} pages/s wall clock, {cpuRate:F0} pages per CPU-second, one thread " +
                          $"({seeds.Count} pages, {bytes / seeds.Count / 1024} KiB average; load average {LoadAverage()})");
    }
}
