using Scriban.Runtime;
using StaticDossier.Analysis;
using StaticDossier.Rendering.Interface;

namespace StaticDossier.Rendering;

/// <summary>The shipped <c>term.sbn</c> (with <c>partials/_pager.sbn</c>) written by C# instead of Scriban's interpreter,
/// with the same characters: a term page is one line of Scriban per item, and looping over 50 <c>include_cached</c> calls
/// was most of what the term pages cost after their items were cached. The items come from <c>include_cached</c>'s
/// cache as before (<see cref="CachedIncludes.ShippedItem"/>), so the cache, its keys and its render count are unchanged.
/// As <see cref="DefaultLayout"/>: used only while the two files and the item partial are exactly the shipped ones, and
/// the model holds a term page's values of the generator's types, with nothing Scriban would write otherwise; anything
/// else takes Scriban. <c>DefaultLayoutTests</c> hold both ways to the same bytes.</summary>
internal static class DefaultTerm
{
    /// <summary>The template this writes.</summary>
    public const string File = "term.sbn";

    /// <summary>The partial it includes, which this writes too.</summary>
    public const string PagerFile = "partials/_pager.sbn";

    /// <summary>Whether <c>term.sbn</c> and the pager in <paramref name="templatesDir"/> are the shipped ones, character for character.</summary>
    public static bool Matches(string templatesDir) => DefaultLayout.Same(templatesDir, [File, PagerFile]);

    /// <summary>Writes the page's content to <paramref name="output"/> and sets <c>page_title</c> in <paramref name="model"/>,
    /// as Scriban would, taking each item from <paramref name="items"/>; false, with nothing written or set, when the model
    /// (or an item) is not one this can write.</summary>
    public static bool TryWrite(ScriptObject model, Utf8Output output, CachedIncludes items)
    {
        if (Read(model) is not { } v)
        {
            return false;
        }

        var start = output.Length;
        var (term, root) = (v.Term, v.Root);
        var o = new DefaultLayout.Writer(output);
        o.Raw("<nav class=\"breadcrumb\" aria-label=\""u8).Text(v.T("breadcrumb")).Link("\"><ol><li><a href=\""u8, root, v.Taxonomy.Url)
            .Raw("\">"u8).Text(v.Taxonomy.Title).Raw("</a></li></ol></nav>\n<h1>"u8).Text(term.Name).Raw("</h1>\n"u8);
        if (term.FullName is { } fullName)
        {
            o.Raw("<p class=\"full-name\">"u8).Text(fullName).Raw("</p>\n"u8);
        }

        if (term.HomePage is { } homePage)
        {
            o.Raw("<p class=\"home-page\">"u8).Text(v.T("term_home_page")).Link(" <a href=\""u8, null, homePage).Raw("\" rel=\"nofollow noopener\">"u8)
                .Text(homePage).Raw("</a></p>\n"u8);
        }

        if (term.Role is { } role)
        {
            o.Raw("<p class=\"role\">"u8).Text(role).Raw("</p>\n"u8);
        }

        if (term.Description is { } description)
        {
            o.Raw("<p class=\"description\">"u8).Text(description).Raw("</p>\n"u8);
        }

        if (term.Aliases.Count > 0)
        {
            o.Raw("<p class=\"aliases\">"u8).Text(v.Text.Format("term_also_written", string.Join(", ", term.Aliases))).Raw("</p>\n"u8);
        }

        o.Raw("<p class=\"note\">"u8).Text(v.Pager is { } pager ? v.Text.Format("page_items", pager.From, pager.To, pager.Total) : v.Text.Count("articles", term.Count))
            .Raw(", "u8).Text(v.T("term_newest_first")).Raw(".</p>\n<ul class=\"article-list\">\n"u8);
        foreach (var a in v.Articles)
        {
            // An item with a line break (Scriban's, for values DefaultItem leaves to it) would be indented by Scriban.
            if (a is null || items.ShippedItem(a, root, v.Undated, v.Approx) is not { } item || item.Bytes.Contains((byte)'\n'))
            {
                output.Truncate(start);
                return false;
            }

            o.Raw("  "u8).Item(item).Raw("\n"u8);
        }

        o.Raw("</ul>\n"u8);
        WritePager(o, v.Text, v.Pager, root);
        if (!o.Plain || o.OverLimit)
        {
            output.Truncate(start); // Scriban stops a page over its limit with an error naming it: let it
            return false;
        }

        model.SetValue("page_title", term.Name, false);
        return true;
    }

    /// <summary>The shipped <c>partials/_pager.sbn</c> for <paramref name="pager"/>: nothing without one. Its texts are among
    /// the keys the callers check.</summary>
    internal static void WritePager(DefaultLayout.Writer o, InterfaceText text, Pager? pager, string root)
    {
        if (pager is not { } p)
        {
            return;
        }

        o.Raw("<nav class=\"list-pager\" aria-label=\""u8).Text(text.Strings["pages_label"]).Raw("\">\n  <p>"u8).Text(text.Format("page_of", p.Number, p.Count))
            .Raw("</p>\n  <ul>\n    "u8);
        if (p.PrevUrl is { } prev)
        {
            o.Link("<li><a href=\""u8, root, p.FirstUrl).Raw("\">"u8).Text(text.Strings["page_first"]).Link("</a></li><li><a href=\""u8, root, prev)
                .Raw("\" rel=\"prev\">"u8).Text(text.Strings["page_previous"]).Raw("</a></li>"u8);
        }

        o.Raw("\n    "u8);
        if (p.NextUrl is { } next)
        {
            o.Link("<li><a href=\""u8, root, next).Raw("\" rel=\"next\">"u8).Text(text.Strings["page_next"]).Link("</a></li><li><a href=\""u8, root, p.LastUrl)
                .Raw("\">"u8).Text(text.Strings["page_last"]).Raw("</a></li>"u8);
        }

        o.Raw("\n  </ul>\n</nav>\n"u8);
    }

    private sealed record Values(Taxonomy Taxonomy, Term Term, IReadOnlyList<ArticleLink> Articles, Pager? Pager, InterfaceStrings Strings, string Root,
        string? Undated, string? Approx)
    {
        public InterfaceText Text => Strings.Text;

        public string T(string key) => Text.Strings[key];
    }

    // The interface texts the template and the pager write or format: a translation lacking one takes Scriban's error.
    private static readonly string[] Keys =
    [
        "breadcrumb", "term_home_page", "term_also_written", "page_items", "articles_one", "articles_other", "number_group_separator",
        "term_newest_first", "pages_label", "page_of", "page_first", "page_previous", "page_next", "page_last",
    ];

    // Names whose presence in a model would change what Scriban reads for the page: its own `include`, `array` or loop
    // variable would shadow the built-in or the item's.
    private static readonly string[] Shadowing = ["include", "include_cached", "array", "a"];

    private const int MaxItems = 10_000;

    private static Values? Read(ScriptObject model)
    {
        if (ListPageGate.Read(model, Shadowing, Keys) is not { } page
            || !model.TryGetValue("taxonomy", out var tax) || tax is not Taxonomy { Url: not null, Title: not null } taxonomy
            || !model.TryGetValue("term", out var found) || found is not Term { Name: not null, Aliases: not null, Articles: not null } term
            || !model.TryGetValue("articles", out var list) || list is not IReadOnlyList<ArticleLink> articles
            || articles.Count > MaxItems || term.Aliases.Count > MaxItems || term.Aliases.Any(alias => alias is null))
        {
            return null;
        }

        return new Values(taxonomy, term, articles, page.Pager, page.Strings, page.Root, page.Undated, page.Approx);
    }
}
