namespace StaticDossier.Cleaning;

/// <summary>What the line model reads about each line of a text dump once the rules have run: the rules' own
/// verdict, the line's shape, and its neighbourhood. The same code serves training (the benchmarks' <c>cleaning
/// features</c>) and inference, so the model never sees a feature computed two ways.</summary>
internal static class LineFeatures
{
    /// <summary>Feature names, in column order (the training script's header; the model file names its count).</summary>
    public static readonly string[] Names =
    [
        "kept", "rule_main_run", "rule_short_run", "rule_short", "rule_end", "rule_title", "rule_duplicate", "rule_noise",
        "log_length", "words", "stop_density", "class", "code", "after_gap", "item", "sentence", "truncated", "cjk",
        "digits", "capitalised", "separators", "ends_colon", "url",
        "position", "chars_before", "prev_class", "next_class", "prev_log_length", "next_log_length", "prev_kept", "next_kept",
        "kept_near", "good_near", "kept_wide", "kept_before", "kept_after", "inside_kept", "repeats",
        "page_kept_share", "page_good_kept", "page_log_lines", "language", "length_vs_kept", "page_log_kept",
        "overlap_kept", "overlap_title", "short_before", "short_after", "good_near_chars",
    ];

    /// <summary>One row of <see cref="Names"/>.Length values per block, row after row; with <paramref name="only"/>,
    /// rows of the other blocks stay zero (the review scores only the lines it may keep: a dump's cleaning budget is
    /// a millisecond).</summary>
    public static float[] Compute(IReadOnlyList<Block> blocks, string language, Func<Block, bool>? only = null)
    {
        var n = blocks.Count;
        var width = Names.Length;
        var rows = new float[n * width];
        if (n == 0)
        {
            return rows;
        }

        // Prefix sums: kept lines, good lines and characters up to each line, for windows in O(1).
        var keptSum = new int[n + 1];
        var goodSum = new int[n + 1];
        var charSum = new double[n + 1];
        double keptLength = 0, goodLength = 0, goodKept = 0;
        int firstKept = -1, lastKept = -1, keptLines = 0;
        var repeats = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var b = blocks[i];
            var kept = b.Kept == true;
            keptSum[i + 1] = keptSum[i] + (kept ? 1 : 0);
            goodSum[i + 1] = goodSum[i] + (b.Class == BlockClass.Good ? 1 : 0);
            charSum[i + 1] = charSum[i] + b.Length;
            if (kept)
            {
                keptLength += b.Length;
                keptLines++;
                firstKept = firstKept < 0 ? i : firstKept;
                lastKept = i;
            }

            if (b.Class == BlockClass.Good)
            {
                goodLength += b.Length;
                goodKept += kept ? b.Length : 0;
            }

            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(repeats, b.Key, out _)++;
        }

        var meanKept = keptLines == 0 ? 1 : keptLength / keptLines;

        // Words of four letters or more, hashed: how many kept lines hold each, and which the headline holds. A line
        // of the article shares its words with the rest of it; a teaser for another story does not.
        // One flat list of hashes, line after line (wordStart[i] .. wordStart[i + 1]).
        var hashes = new List<uint>();
        var wordStart = new int[n + 1];
        var inKept = new Dictionary<uint, int>();
        var inTitle = new HashSet<uint>();
        var inLine = new HashSet<uint>();
        for (var i = 0; i < n; i++)
        {
            var b = blocks[i];
            wordStart[i] = hashes.Count;
            if (b.Kept == true || b.Rule == RuleId.Title || only is null || only(b))
            {
                LongWords(b.Key, hashes, inLine);
            }

            for (var k = wordStart[i]; k < hashes.Count; k++)
            {
                if (b.Kept == true)
                {
                    inKept[hashes[k]] = inKept.GetValueOrDefault(hashes[k]) + 1;
                }
                else if (b.Rule == RuleId.Title)
                {
                    inTitle.Add(hashes[k]);
                }
            }
        }

        wordStart[n] = hashes.Count;

        // Lines in a row before and after each one that are neither prose nor near-prose (a menu, a teaser's credits).
        var shortBefore = new int[n];
        var shortAfter = new int[n];
        for (var i = 1; i < n; i++)
        {
            shortBefore[i] = blocks[i - 1].Class < BlockClass.NearGood ? shortBefore[i - 1] + 1 : 0;
        }

        for (var i = n - 2; i >= 0; i--)
        {
            shortAfter[i] = blocks[i + 1].Class < BlockClass.NearGood ? shortAfter[i + 1] + 1 : 0;
        }

        var goodChars = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            goodChars[i + 1] = goodChars[i] + (blocks[i].Class == BlockClass.Good ? blocks[i].Length : 0);
        }
        var lang = language == "en" ? 1 : language == "vi" ? 2 : 0;
        var lastKeptBefore = -1;
        var nextKeptAfter = new int[n];
        for (int i = n - 1, next = -1; i >= 0; i--)
        {
            nextKeptAfter[i] = next;
            next = blocks[i].Kept == true ? i : next;
        }

        for (var i = 0; i < n; i++)
        {
            var b = blocks[i];
            if (only is not null && !only(b))
            {
                lastKeptBefore = b.Kept == true ? i : lastKeptBefore;
                continue;
            }

            var f = rows.AsSpan(i * width, width);
            var rule = b.Rule;
            f[0] = b.Kept == true ? 1 : 0;
            f[1] = rule == RuleId.MainRun ? 1 : 0;
            f[2] = rule == RuleId.ShortRun ? 1 : 0;
            f[3] = rule == RuleId.Short ? 1 : 0;
            f[4] = rule is RuleId.EndSection or RuleId.EndMarker ? 1 : 0;
            f[5] = rule == RuleId.Title ? 1 : 0;
            f[6] = rule == RuleId.Duplicate ? 1 : 0;
            f[7] = rule is RuleId.Boilerplate or RuleId.Credit or RuleId.Repeated or RuleId.DateLine or RuleId.Caption
                or RuleId.HtmlMeta or RuleId.LinkDensity or RuleId.Semantic or RuleId.Container ? 1 : 0;
            f[8] = MathF.Log(1 + b.Length);
            f[9] = b.Words;
            f[10] = (float)b.StopDensity;
            f[11] = (int)b.Class;
            f[12] = b.IsCode ? 1 : 0;
            f[13] = b.AfterGap ? 1 : 0;
            f[14] = b.Tag == "li" ? 1 : 0;
            f[15] = TextShape.EndsSentence(b.Text) ? 1 : 0;
            f[16] = b.Text.EndsWith("...", StringComparison.Ordinal) || b.Text.EndsWith('…') ? 1 : 0;
            var shape = Shape(b.Text);
            f[17] = b.Text.Length == 0 ? 0 : (b.Length - b.Text.Length) / (2f * b.Text.Length);
            f[18] = shape.Digits;
            f[19] = shape.Capitalised;
            f[20] = shape.Separators;
            f[21] = b.Text.EndsWith(':') ? 1 : 0;
            f[22] = shape.Url;
            f[23] = n == 1 ? 0 : i / (float)(n - 1);
            f[24] = charSum[n] == 0 ? 0 : (float)(charSum[i] / charSum[n]);
            f[25] = i > 0 ? (int)blocks[i - 1].Class : -1;
            f[26] = i + 1 < n ? (int)blocks[i + 1].Class : -1;
            f[27] = i > 0 ? MathF.Log(1 + blocks[i - 1].Length) : 0;
            f[28] = i + 1 < n ? MathF.Log(1 + blocks[i + 1].Length) : 0;
            f[29] = i > 0 ? (blocks[i - 1].Kept == true ? 1 : 0) : -1;
            f[30] = i + 1 < n ? (blocks[i + 1].Kept == true ? 1 : 0) : -1;
            f[31] = Window(keptSum, i, 3, n);
            f[32] = Window(goodSum, i, 3, n);
            f[33] = Window(keptSum, i, 10, n);
            f[34] = lastKeptBefore < 0 ? 50 : Math.Min(50, i - lastKeptBefore);
            f[35] = nextKeptAfter[i] < 0 ? 50 : Math.Min(50, nextKeptAfter[i] - i);
            f[36] = i > firstKept && i < lastKept ? 1 : 0;
            f[37] = Math.Min(10, repeats[b.Key]);
            f[38] = charSum[n] == 0 ? 0 : (float)(keptLength / charSum[n]);
            f[39] = goodLength == 0 ? 0 : (float)(goodKept / goodLength);
            f[40] = MathF.Log(n);
            f[41] = lang;
            f[42] = (float)Math.Min(10, b.Length / meanKept);
            f[43] = MathF.Log(1 + keptLines);
            var own = b.Kept == true ? 1 : 0;
            int shared = 0, titled = 0, count = wordStart[i + 1] - wordStart[i];
            for (var k = wordStart[i]; k < wordStart[i + 1]; k++)
            {
                shared += inKept.GetValueOrDefault(hashes[k]) > own ? 1 : 0;
                titled += inTitle.Contains(hashes[k]) ? 1 : 0;
            }

            f[44] = count == 0 ? -1 : shared / (float)count;
            f[45] = count == 0 ? -1 : titled / (float)count;
            f[46] = Math.Min(20, shortBefore[i]);
            f[47] = Math.Min(20, shortAfter[i]);
            f[48] = (float)((goodChars[Math.Min(n, i + 6)] - goodChars[Math.Max(0, i - 5)] - (b.Class == BlockClass.Good ? b.Length : 0)) / 1000);
            if (b.Kept == true)
            {
                lastKeptBefore = i;
            }
        }

        return rows;
    }

    // FNV-1a hashes of a key's words of four characters or more, distinct within the line, added to the list
    // (<paramref name="seen"/>, a set to reuse: a search of the line's list for each word cost a paragraph its square).
    private static void LongWords(string key, List<uint> list, HashSet<uint> seen)
    {
        seen.Clear();
        var start = 0;
        for (var i = 0; i <= key.Length; i++)
        {
            if (i < key.Length && key[i] != ' ')
            {
                continue;
            }

            if (i - start >= 4)
            {
                var h = 2166136261u;
                for (var k = start; k < i; k++)
                {
                    h = (h ^ key[k]) * 16777619u;
                }

                if (seen.Add(h))
                {
                    list.Add(h);
                }
            }

            start = i + 1;
        }
    }

    // Share of the lines within reach of line i (itself excluded) that count.
    private static float Window(int[] sum, int i, int reach, int n)
    {
        var lo = Math.Max(0, i - reach);
        var hi = Math.Min(n, i + reach + 1);
        var others = hi - lo - 1;
        return others == 0 ? 0 : (sum[hi] - sum[lo] - (sum[i + 1] - sum[i])) / (float)others;
    }

    private readonly record struct TextShapeCounts(float Digits, float Capitalised, float Separators, float Url);

    // Character and word shape in one pass: digits, capitalised words, menu separators, a web address.
    private static TextShapeCounts Shape(string text)
    {
        int digits = 0, words = 0, capitalised = 0, separators = 0;
        var atWordStart = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                atWordStart = true;
                continue;
            }

            digits += char.IsAsciiDigit(c) ? 1 : 0;
            separators += c is '|' or '·' or '»' or '•' or '›' or '/' ? 1 : 0;
            if (atWordStart && char.IsLetter(c))
            {
                words++;
                capitalised += char.IsUpper(c) ? 1 : 0;
            }

            atWordStart = false;
        }

        var url = text.Contains("http", StringComparison.Ordinal) || text.Contains("www.", StringComparison.Ordinal) ? 1 : 0;
        return new TextShapeCounts(text.Length == 0 ? 0 : digits / (float)text.Length, words == 0 ? 0 : capitalised / (float)words,
            Math.Min(10, separators), url);
    }
}
