using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StaticDossier.Benchmarks.Corpus;

/// <summary>One generated article, shared by the StaticDossier and Hugo writers so both build the same text.</summary>
internal sealed record GeneratedArticle(
    int Index, string Slug, string Title, DateOnly Date, string Language, string Source,
    IReadOnlyList<string> Tags, IReadOnlyList<string> People, string Body);

/// <summary>A deterministic corpus: the same <c>n</c> and seed always give byte-identical articles and seeds.</summary>
internal static class CorpusGenerator
{
    public const int Seed = 20_260_323;

    private static readonly string[] English =
    [
        "the", "minister", "said", "talks", "Hanoi", "Moscow", "Kyiv", "delegation", "cooperation", "energy", "trade", "security",
        "agreement", "relations", "war", "Ukraine", "Russia", "Vietnam", "foreign", "policy", "neutral", "abstained", "vote", "United",
        "Nations", "assembly", "resolution", "sanctions", "oil", "gas", "defence", "weapons", "embassy", "citizens", "evacuation",
        "humanitarian", "corridor", "border", "refugees", "economy", "exports", "rice", "investment", "partnership", "strategic",
        "comprehensive", "visit", "president", "prime", "official", "statement", "according", "to", "reports", "analysts", "expect",
        "and", "of", "in", "on", "with", "for", "a", "by", "was", "has", "have", "will", "would", "after", "before", "during", "while",
    ];

    private static readonly string[] Vietnamese =
    [
        "Việt", "Nam", "Nga", "Ukraine", "Bộ", "trưởng", "ngoại", "giao", "hợp", "tác", "chiến", "lược", "toàn", "diện", "quan",
        "hệ", "hai", "nước", "thúc", "đẩy", "kinh", "tế", "năng", "lượng", "dầu", "khí", "an", "ninh", "quốc", "phòng", "đối",
        "thoại", "hòa", "bình", "ổn", "định", "người", "dân", "sơ", "tán", "công", "dân", "đại", "sứ", "quán", "Hà", "Nội",
        "Mát-xcơ-va", "cuộc", "xung", "đột", "lệnh", "trừng", "phạt", "thương", "mại", "đầu", "tư", "và", "của", "các", "với",
        "trong", "được", "đã", "sẽ", "cho", "những", "là", "có", "không", "theo", "phát", "biểu", "Thủ", "tướng", "Chủ", "tịch",
    ];

    private static readonly string[] Sources = ["VnExpress", "Tuổi Trẻ", "VOA", "Reuters", "TASS", "Nhân Dân", "The Diplomat", "RFA"];

    private static readonly string[] NavNoise =
    [
        "Home | World | Business | Sports | Entertainment", "Subscribe to our newsletter", "Share on Facebook", "Tweet",
        "We use cookies to improve your experience. Accept", "Log in | Register", "Trang chủ | Thời sự | Thế giới | Kinh doanh",
        "Advertisement", "Most read", "Follow us on Zalo", "Copyright © 2022 All rights reserved.", "Privacy policy | Terms of use",
    ];

    public static IReadOnlyList<string> Tags { get; } =
        [.. Enumerable.Range(0, 50).Select(i => $"topic-{i:D2}")];

    public static IReadOnlyList<string> People { get; } =
        [.. Enumerable.Range(0, 200).Select(i => $"person-{i:D3}")];

    /// <summary>Generates <paramref name="n"/> articles; each article's text depends only on its index.</summary>
    public static IReadOnlyList<GeneratedArticle> Articles(int n) =>
        [.. Enumerable.Range(0, n).Select(Article)];

    /// <summary>One article. Seeded by its index so that changing N keeps the first articles the same.</summary>
    public static GeneratedArticle Article(int index)
    {
        var rng = new Random(Seed + index);
        var vietnamese = rng.Next(5) == 0;
        var words = vietnamese ? Vietnamese : English;
        var title = Capitalise(Sentence(rng, words, 6 + rng.Next(6))) + $" ({index})";
        var date = new DateOnly(2014, 1, 1).AddDays(rng.Next(12 * 365));
        var tags = Pick(rng, Tags, 1 + rng.Next(4));
        var people = Pick(rng, People, 1 + rng.Next(3));
        return new GeneratedArticle(index, $"article-{index:D6}", title, date, vietnamese ? "vi" : "en",
            Sources[rng.Next(Sources.Length)], tags, people, Body(rng, words));
    }

    /// <summary>A ~600-word Markdown body with headings, lists, a quote and links.</summary>
    private static string Body(Random rng, string[] words)
    {
        var body = new StringBuilder();
        var count = 0;
        var section = 0;
        while (count < 600)
        {
            if (count > 0 && rng.Next(3) == 0)
            {
                section++;
                body.Append("## ").Append(Capitalise(Sentence(rng, words, 3 + rng.Next(4)))).Append(' ').Append(section.ToString(CultureInfo.InvariantCulture)).Append("\n\n");
            }

            switch (rng.Next(6))
            {
                case 0:
                    for (var i = 0; i < 3 + rng.Next(3); i++)
                    {
                        var item = 4 + rng.Next(8);
                        body.Append("- ").Append(Capitalise(Sentence(rng, words, item))).Append('\n');
                        count += item;
                    }

                    body.Append('\n');
                    break;
                case 1:
                    var quoted = 15 + rng.Next(20);
                    body.Append("> “").Append(Capitalise(Sentence(rng, words, quoted))).Append(".”\n\n");
                    count += quoted;
                    break;
                default:
                    var length = 40 + rng.Next(50);
                    var paragraph = Sentence(rng, words, length).Split(' ');
                    var link = rng.Next(paragraph.Length - 3);
                    paragraph[link] = $"[{paragraph[link]} {paragraph[link + 1]}](https://news.example.org/{rng.Next(100_000)}.html)";
                    paragraph[link + 1] = string.Empty;
                    if (rng.Next(4) == 0)
                    {
                        paragraph[link + 2] = $"**{paragraph[link + 2]}**";
                    }

                    body.Append(Capitalise(string.Join(' ', paragraph.Where(w => w.Length > 0)))).Append(".\n\n");
                    count += length;
                    break;
            }
        }

        return body.ToString();
    }

    /// <summary>The article as a raw text dump, with navigation noise above and below, for the ingest path.</summary>
    public static string RawSeed(GeneratedArticle article)
    {
        var rng = new Random(Seed ^ article.Index);
        var text = new StringBuilder();
        for (var i = 0; i < 3 + rng.Next(4); i++)
        {
            text.Append(NavNoise[rng.Next(NavNoise.Length)]).Append('\n');
        }

        text.Append(article.Title).Append('\n');
        text.Append(article.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append('\n');
        foreach (var block in article.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            // A browser's text dump loses Markdown: strip the markers a reader never sees.
            text.Append(Regex.Replace(block, @"\[([^\]]+)\]\([^)]+\)", "$1").Replace("## ", string.Empty, StringComparison.Ordinal).Replace("> ", string.Empty, StringComparison.Ordinal)
                .Replace("**", string.Empty, StringComparison.Ordinal)).Append('\n');
            if (rng.Next(8) == 0)
            {
                text.Append(NavNoise[rng.Next(NavNoise.Length)]).Append('\n');
            }
        }

        text.Append(article.Language == "vi" ? "Tin liên quan\n" : "Related news\n");
        for (var i = 0; i < 4 + rng.Next(6); i++)
        {
            text.Append(Capitalise(Sentence(rng, English, 8))).Append('\n');
            text.Append(NavNoise[rng.Next(NavNoise.Length)]).Append('\n');
        }

        return text.ToString();
    }

    private static string[] Pick(Random rng, IReadOnlyList<string> from, int count)
    {
        var picked = new SortedSet<string>(StringComparer.Ordinal);
        while (picked.Count < count)
        {
            picked.Add(from[rng.Next(from.Count)]);
        }

        return [.. picked];
    }

    private static string Sentence(Random rng, string[] words, int length)
    {
        var parts = new string[length];
        for (var i = 0; i < length; i++)
        {
            parts[i] = words[rng.Next(words.Length)];
        }

        return string.Join(' ', parts);
    }

    private static string Capitalise(string s) =>
        s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
