using System.Text;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Fuzz;

/// <summary>Random and mutated inputs for the fuzz tests. Every case gets its own generator seeded from the
/// case number, so a failing case can be rerun alone.</summary>
internal static class FuzzInputs
{
    public const int MasterSeed = 20_260_311;

    private static readonly Lazy<byte[][]> RealSeeds = new(() =>
        [.. Directory.GetFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)]);

    private static readonly Lazy<string[]> RealTemplates = new(() =>
        [.. Directory.GetFiles(RepoPaths.Templates, "*.sbn", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)]);

    private static readonly Lazy<string[]> Payloads = new(() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "StaticDossier.Tests", "TestFiles", "hostile", "xss-payloads.txt")));

    private static readonly string[] Fragments =
    [
        "\n", "\r\n", "\r", "\t", "\0", "\u0001", "\u001b[31m", "\u00a0", "\u200b", "\u202e", "\ufeff", "\uffff", "\ud83c\uddfb\ud83c\uddf3",
        "---", "\n---\n", "---\n", "```", "~~~", "    ", "> ", "- ", "1. ", "# ", "#", "|a|b|\n|-|-|\n", "[", "]", "(", ")", "![", "](", "<", ">",
        "&", "&amp;", "&#0;", "&#x110000;", "&#xD800;", "{{", "}}", "{%", "%}", "{{ end }}", "{{ for x in y }}", "\\", "\"", "'", "`", "*", "_", "~",
        "<html>", "</html>", "<body>", "<article>", "</article>", "<p>", "</p>", "<div>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "]]>",
        "<meta charset=\"windows-1258\">", "<meta charset=\"bogus\">", "<time datetime=\"2022-02-30\">", "2022-03-15", "15/03/2022", "99/99/9999",
        "Ngày 15 tháng 3 năm 2022", "By ", "Tác giả: ", "Cookie", "Đăng nhập", "Việt Nam", "Hà Nội", "Лавров", "Ukraine", "http://", "https://x/",
        "javascript:", "data:text/html,", "title:", "date:", "tags:", "slug:", "draft:", "&x", "*x", "!!binary", "!x", "? ", ": ", "|", ">-",
        new string('>', 130), new string('[', 130), string.Concat(Enumerable.Repeat("*a _b ", 150)), new string('`', 300),
        string.Concat(Enumerable.Range(0, 70).Select(i => new string(' ', i * 2) + "- x\n")),
    ];

    private static readonly string[] Keys =
        ["title", "date", "language", "source", "byline", "url", "tags", "people", "slug", "summary", "draft", "seed", "seed_sha256", "removed_blocks", "tittle", "Title", "x", ""];

    private static readonly string[] Scalars =
    [
        "A title", "\"quoted \\\" title\"", "'single ''quoted'''", "2022-03-15", "2022-02-30", "20220315", "~", "null", "true", "maybe", "-1", "0",
        "99999999999999999999", "1e400", "0x1F", ".inf", "!!binary aGVsbG8=", "!!str 5", "!custom x", "&a x", "*a", "*missing", "[a, b]", "[a, [b, [c]]]",
        "{a: b}", "|\n  block\n  text", ">-\n  folded", "\"\\uD800\"", "\"\\0\\a\\e\"", "\"\\U0010FFFF\"", "\"\\x80\"", "@reserved", "`tick", "%percent",
        "\"unterminated", "'unterminated", "{{ site.title }}", "<script>alert(1)</script>", "../../etc/passwd", "\t\ttabs", "- a\n  - b", "Việt Nam",
        "? complex\n: key",
    ];

    /// <summary>Bytes for a file: mutation can split a surrogate pair, which a file cannot hold, so it becomes U+FFFD.</summary>
    public static byte[] Utf8(string text) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetBytes(text);

    public static Random For(int kind, int index) => new(unchecked((MasterSeed * 31) + (kind * 1_000_003) + index));

    /// <summary>Random bytes, a mutated real seed, or a synthetic page.</summary>
    public static byte[] Seed(Random rng) => rng.Next(6) switch
    {
        0 => RandomBytes(rng, rng.Next(0, 2048)),
        1 => MutateBytes(rng, Pick(rng, RealSeeds.Value)),
        2 => Encoding.UTF8.GetBytes(Mutate(rng, Encoding.UTF8.GetString(Pick(rng, RealSeeds.Value)))),
        3 => Encoding.UTF8.GetBytes(SyntheticHtml(rng)),
        4 => Encoding.UTF8.GetBytes(Soup(rng, rng.Next(1, 200))),
        _ => Prefix(rng, Encoding.UTF8.GetBytes(Soup(rng, rng.Next(1, 60)))),
    };

    /// <summary>A content page: fenced YAML from keys and odd values, or a mutated well-formed page.</summary>
    public static string ContentPage(Random rng)
    {
        var sb = new StringBuilder();
        if (rng.Next(10) > 0)
        {
            sb.Append(rng.Next(8) == 0 ? "--- \n" : "---\n");
        }

        var keys = rng.Next(0, 8);
        for (var i = 0; i < keys; i++)
        {
            sb.Append(rng.Next(12) == 0 ? "  " : string.Empty).Append(Pick(rng, Keys)).Append(rng.Next(15) == 0 ? ":" : ": ").Append(Pick(rng, Scalars)).Append('\n');
        }

        if (rng.Next(10) > 0)
        {
            sb.Append("---\n");
        }

        sb.Append(Soup(rng, rng.Next(0, 40)));
        var text = sb.ToString();
        return rng.Next(3) == 0 ? Mutate(rng, text) : text;
    }

    /// <summary>A mutated real template.</summary>
    public static string Template(Random rng) => Mutate(rng, Pick(rng, RealTemplates.Value), scriban: true);

    /// <summary>A site.yml: mostly valid keys with odd values.</summary>
    public static string SiteYml(Random rng)
    {
        string[] keys = ["title", "description", "base_url", "language", "author", "content_dir", "seeds_dir", "templates_dir", "output_dir", "colour"];
        var sb = new StringBuilder();
        for (var i = rng.Next(0, 8); i > 0; i--)
        {
            sb.Append(Pick(rng, keys)).Append(": ").Append(Pick(rng, Scalars)).Append('\n');
        }

        return rng.Next(3) == 0 ? Mutate(rng, sb.ToString()) : sb.ToString();
    }

    /// <summary>A seed's .seed.yml with the sidecar's keys and odd values.</summary>
    public static string Sidecar(Random rng)
    {
        string[] keys = ["url", "retrieved_at", "source", "date", "language", "colour"];
        var sb = new StringBuilder();
        for (var i = rng.Next(0, 6); i > 0; i--)
        {
            sb.Append(Pick(rng, keys)).Append(": ").Append(Pick(rng, Scalars)).Append('\n');
        }

        return rng.Next(3) == 0 ? Mutate(rng, sb.ToString()) : sb.ToString();
    }

    public static string Soup(Random rng, int pieces)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pieces; i++)
        {
            sb.Append(rng.Next(4) switch
            {
                0 => Pick(rng, Fragments),
                1 => Pick(rng, Payloads.Value),
                2 => Pick(rng, Scalars),
                _ => " word ",
            });
        }

        return sb.ToString();
    }

    public static string Mutate(Random rng, string text, bool scriban = false)
    {
        var sb = new StringBuilder(text);
        for (var n = rng.Next(1, 12); n > 0; n--)
        {
            var at = sb.Length == 0 ? 0 : rng.Next(sb.Length);
            switch (rng.Next(5))
            {
                case 0:
                    sb.Insert(at, scriban && rng.Next(2) == 0 ? Pick(rng, ScribanFragments) : Pick(rng, Fragments));
                    break;
                case 1:
                    sb.Remove(at, Math.Min(rng.Next(1, 40), sb.Length - at));
                    break;
                case 2:
                    sb.Insert(at, (char)rng.Next(0, 0x3000));
                    break;
                case 3:
                    var from = sb.Length == 0 ? 0 : rng.Next(sb.Length);
                    var length = Math.Min(rng.Next(1, 80), sb.Length - from);
                    sb.Insert(at, sb.ToString(from, length));
                    break;
                default:
                    sb.Insert(at, Pick(rng, Payloads.Value));
                    break;
            }
        }

        return sb.ToString();
    }

    private static readonly string[] ScribanFragments =
    [
        "{{", "}}", "{{ end }}", "{{ else }}", "{{ for a in articles }}", "{{ if x }}", "{{ x = 1 / 0 }}", "{{ include \"base.sbn\" }}",
        "{{ include \"nope.sbn\" }}", "{{ include \"../../etc/passwd\" }}", "{{ include }}", "{{ 1 + \"a\" }}", "{{ [1,2][5] }}", "{{ null.x }}",
        "{{ article.title | string.slice 5 -9 }}", "{{ 'x' * 1000 }}", "{{ func f; ret f(); end; f() }}", "{{ while true; end }}",
        "{{ capture c }}", "{{ with x }}", "{{ article }}", "{{ site }}", "{{ root }}", "{{ 9999999999999999999999 * 9 }}", "{{ 1..10 }}",
        "{{ date.now }}", "{{ object.eval \"1+1\" }}", "{{ $0 }}", "{{ for x in 1..5000000 }}{{ end }}", "{{ (((((((( }}", "{{ a.b.c.d.e }}",
    ];

    private static byte[] RandomBytes(Random rng, int length)
    {
        var bytes = new byte[length];
        rng.NextBytes(bytes);
        return bytes;
    }

    private static byte[] MutateBytes(Random rng, byte[] original)
    {
        var bytes = new List<byte>(original);
        for (var n = rng.Next(1, 30); n > 0 && bytes.Count > 0; n--)
        {
            var at = rng.Next(bytes.Count);
            switch (rng.Next(4))
            {
                case 0: bytes[at] = (byte)rng.Next(256); break;
                case 1: bytes.RemoveRange(at, Math.Min(rng.Next(1, 100), bytes.Count - at)); break;
                case 2: bytes.Insert(at, (byte)rng.Next(0x80, 0x100)); break;
                default: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Pick(rng, Fragments))); break;
            }
        }

        return [.. bytes];
    }

    private static byte[] Prefix(Random rng, byte[] bytes)
    {
        byte[][] prefixes = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0, 0], [0, 0, 0xFE, 0xFF], [0xEF, 0xBB], [0x89, 0x50]];
        var prefix = Pick(rng, prefixes);
        return [.. prefix, .. bytes];
    }

    private static string SyntheticHtml(Random rng)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html><head>");
        sb.Append("<title>").Append(Soup(rng, rng.Next(0, 4))).Append("</title>");
        if (rng.Next(2) == 0)
        {
            sb.Append("<meta property=\"article:published_time\" content=\"").Append(Pick(rng, Scalars)).Append("\">");
        }

        sb.Append("</head><body>");
        var depth = rng.Next(0, rng.Next(2) == 0 ? 20 : 600);
        string[] tags = ["div", "article", "section", "nav", "p", "span", "ul", "li", "table", "tr", "td", "a", "b", "h1", "h2", "blockquote", "pre", "figure"];
        var open = new Stack<string>();
        for (var i = 0; i < depth; i++)
        {
            var tag = Pick(rng, tags);
            sb.Append('<').Append(tag).Append(rng.Next(4) == 0 ? " class=\"nav menu\"" : string.Empty).Append('>').Append(Soup(rng, rng.Next(0, 3)));
            open.Push(tag);
        }

        while (open.Count > 0)
        {
            var tag = open.Pop();
            if (rng.Next(5) > 0)
            {
                sb.Append("</").Append(tag).Append('>');
            }
        }

        return sb.Append("</body></html>").ToString();
    }

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];
}
