using System.Globalization;
using System.Text;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>A dossier built from TestFiles/hostile/xss-payloads.txt through the real pipeline: every payload
/// as text seed (*.txt), saved page (*.html), and as front matter and body of a content page. Built once per
/// test class.</summary>
public sealed partial class XssCorpus : IDisposable
{
    private const int PerSeed = 10;
    private readonly TempDossier _dossier = new(withSeeds: false);

    public XssCorpus()
    {
        Payloads = [.. File.ReadAllLines(GoldenDossier.CasePath("xss-payloads.txt")).Where(l => l.Length > 0)];
        for (var start = 0; start < Payloads.Count; start += PerSeed)
        {
            var chunk = Payloads.Skip(start).Take(PerSeed).ToList();
            var n = (start / PerSeed).ToString("00", CultureInfo.InvariantCulture);
            _dossier.Write($"seeds/xss-{n}.txt", TextSeed(n, chunk));
            _dossier.Write($"seeds/xss-{n}.html", HtmlSeed(n, chunk));
        }

        for (var i = 0; i < Payloads.Count; i++)
        {
            _dossier.Write($"content/xss-{i:000}.md", ContentPage(i, Payloads[i]));
        }

        var diagnostics = new DiagnosticBag();
        var config = Dossier.Config(_dossier);
        new Ingestor(config).Run(diagnostics);
        new SiteBuilder(config).Build(diagnostics);
        Diagnostics = diagnostics;
        Pages = Directory.Exists(_dossier.Site)
            ? [.. Directory.EnumerateFiles(_dossier.Site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];
    }

    public IReadOnlyList<string> Payloads { get; }

    public DiagnosticBag Diagnostics { get; }

    public string Root => _dossier.Root;

    public string Site => _dossier.Site;

    /// <summary>Every published HTML page, full paths.</summary>
    public IReadOnlyList<string> Pages { get; }

    /// <summary>The marker each content page's body carries around its payload.</summary>
    public static string Marker(int i) => $"Sample {i:000} begins";

    private static string TextSeed(string n, List<string> chunk)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Hostile sample {n}: {chunk[0]}\n\n");
        sb.Append("Hà Nội — This text dump carries hostile markup between ordinary paragraphs of a news report, the way a scraped page might.\n\n");
        foreach (var payload in chunk)
        {
            sb.Append(CultureInfo.InvariantCulture, $"The page quoted this fragment in its report: {payload} and then went on with the article text.\n\n");
        }

        return sb.ToString();
    }

    private static string HtmlSeed(string n, List<string> chunk)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Hostile page {n} {chunk[0]}</title>{chunk[^1]}</head><body {ChunkAttr(chunk)}>\n");
        sb.Append("<nav><a href=\"/\">Home</a> <a href=\"javascript:alert('nav')\">World</a></nav>\n<article>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<h1>Hostile page {n} {chunk[0]}</h1>\n");
        sb.Append("<p>Hà Nội — This saved page carries hostile markup inside its article, the way a compromised or hostile site might.</p>\n");
        foreach (var payload in chunk)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>The report went on. {payload} And it continued with more ordinary article text.</p>\n");
            sb.Append(payload).Append('\n');
        }

        sb.Append("</article>\n<script>__xss('page-script')</script>\n</body></html>\n");
        return sb.ToString();
    }

    private static string ChunkAttr(List<string> chunk) => chunk.Count % 2 == 0 ? "onload=\"__xss('body-onload')\"" : "onpageshow=alert(1)";

    private static string ContentPage(int i, string payload)
    {
        var meta = new FrontMatter
        {
            Title = $"Sample {i:000}: {payload}",
            Date = "2022-03-15",
            Source = payload,
            Byline = payload,
            Url = payload,
            Summary = payload,
            Tags = [payload, "xss"],
            People = [payload],
            Slug = i % 3 == 0 ? $"../../{payload}-{i:000}" : null,
        };
        // A relative link target would (rightly) fail the link check, so only scheme-like payloads become link targets.
        var link = SchemeLike().IsMatch(payload) ? $"[link]({payload}) and " : string.Empty;
        var body = $"{Marker(i)}.\n\n{payload}\n\n- {payload}\n\n> {payload}\n\n{link}<{payload}> and `{payload}`\n\n{payload}\n: definition\n\nSample {i:000} ends.\n";
        return ContentPageFormatter.Format(meta, body);
    }

    public void Dispose() => _dossier.Dispose();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*[A-Za-z][A-Za-z0-9+.&#;\t-]*:")]
    private static partial System.Text.RegularExpressions.Regex SchemeLike();
}
