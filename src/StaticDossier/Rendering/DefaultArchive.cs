using Scriban.Runtime;
using StaticDossier.Rendering.Interface;
using StaticDossier.Rendering.Pages;

namespace StaticDossier.Rendering;

/// <summary>The shipped <c>archive.sbn</c> (with <c>partials/_pager.sbn</c>) written by C# instead of Scriban's
/// interpreter, with the same characters: an archive page is a loop of <c>include_cached</c> calls like a term page, and
/// its items come from the same cache (<see cref="CachedIncludes.ShippedItem"/>). As <see cref="DefaultTerm"/>: used only
/// while the two files and the item partial are exactly the shipped ones, and the model holds an archive page's values
/// of the generator's types, with nothing Scriban would write otherwise (an empty heading, whose truth Scriban decides,
/// takes Scriban too); anything else takes Scriban. <c>DefaultLayoutTests</c> hold both ways to the same bytes.</summary>
internal static class DefaultArchive
{
    /// <summary>The template this writes.</summary>
    public const string File = "archive.sbn";

    /// <summary>Whether <c>archive.sbn</c> and the pager in <paramref name="templatesDir"/> are the shipped ones, character for character.</summary>
    public static bool Matches(string templatesDir) => DefaultLayout.Same(templatesDir, [File, DefaultTerm.PagerFile]);

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
        var (archive, root, text) = (v.Archive, v.Root, v.Strings.Text);
        var o = new DefaultLayout.Writer(output);
        o.Raw("<nav class=\"breadcrumb\" aria-label=\""u8).Text(v.T("breadcrumb")).Raw("\"><ol>"u8);
        foreach (var crumb in archive.Crumbs)
        {
            if (crumb is not { Name: not null, Url: not null })
            {
                return Fail(output, start);
            }

            o.Link("<li><a href=\""u8, root, crumb.Url).Raw("\">"u8).Text(crumb.Name).Raw("</a></li>"u8);
        }

        o.Raw("</ol></nav>\n<h1>"u8).Text(archive.Title).Raw("</h1>\n"u8);
        if (archive.Kind == "undated")
        {
            o.Raw("<p class=\"note\">"u8).Text(v.T("undated_note")).Raw("</p>\n"u8);
        }

        if (archive.Months.Count > 0)
        {
            o.Raw("<h2>"u8).Text(v.T("archive_months")).Raw("</h2>\n<ul class=\"term-list\">\n"u8);
            foreach (var month in archive.Months)
            {
                if (month is not { Name: not null, Url: not null, Articles: not null })
                {
                    return Fail(output, start);
                }

                o.Link("  <li><a href=\""u8, root, month.Url).Raw("\">"u8).Text(month.Name).Raw("</a> <span class=\"count\">"u8)
                    .Text(text.Count("articles", month.Count)).Raw("</span></li>\n"u8);
            }

            o.Raw("</ul>\n"u8);
        }

        if (v.Pager is { } pager)
        {
            o.Raw("<p class=\"note\">"u8).Text(text.Format("page_items", pager.From, pager.To, pager.Total)).Raw("</p>\n"u8);
        }

        foreach (var group in archive.Groups)
        {
            // Scriban decides whether an empty heading is written; the generator never makes one.
            if (group is not { Id: not null, Articles: not null } || group.Name == string.Empty)
            {
                return Fail(output, start);
            }

            if (group.Name is { } name)
            {
                o.Raw("<h2 id=\"month-"u8).Text(group.Id).Id("month-" + group.Id).Raw("\">"u8).Text(name).Raw(" <span class=\"count\">"u8)
                    .Text(text.Count("articles", group.Articles.Count)).Raw("</span></h2>\n"u8);
            }

            if (group.HasApproximate)
            {
                o.Raw("<p class=\"note\">"u8).Text(v.T("archive_approx_note")).Raw("</p>\n"u8);
            }

            o.Raw("<ul class=\"article-list\">\n"u8);
            foreach (var a in group.Articles)
            {
                // An item with a line break (Scriban's, for values DefaultItem leaves to it) would be indented by Scriban.
                if (a is null || items.ShippedItem(a, root, v.Undated, v.Approx) is not { } item || item.Bytes.Contains((byte)'\n'))
                {
                    return Fail(output, start);
                }

                o.Raw("  "u8).Item(item).Raw("\n"u8);
            }

            o.Raw("</ul>\n"u8);
        }

        DefaultTerm.WritePager(o, text, v.Pager, root);
        if (!o.Plain || o.OverLimit)
        {
            return Fail(output, start); // Scriban stops a page over its limit with an error naming it: let it
        }

        model.SetValue("page_title", archive.Title, false);
        return true;
    }

    private static bool Fail(Utf8Output output, int start)
    {
        output.Truncate(start);
        return false;
    }

    private sealed record Values(ArchiveView Archive, Pager? Pager, InterfaceStrings Strings, string Root, string? Undated, string? Approx)
    {
        public string T(string key) => Strings.Text.Strings[key];
    }

    // The interface texts the template and the pager write or format: a translation lacking one takes Scriban's error.
    private static readonly string[] Keys =
    [
        "breadcrumb", "undated_note", "archive_months", "articles_one", "articles_other", "number_group_separator", "page_items",
        "archive_approx_note", "pages_label", "page_of", "page_first", "page_previous", "page_next", "page_last",
    ];

    // Names whose presence in a model would change what Scriban reads for the page: its own `include` or a loop
    // variable would shadow the built-in or the loop's.
    private static readonly string[] Shadowing = ["include", "include_cached", "a", "c", "month", "group"];

    private const int MaxItems = 10_000;

    private static Values? Read(ScriptObject model)
    {
        if (ListPageGate.Read(model, Shadowing, Keys) is not { } page
            || !model.TryGetValue("archive", out var found)
            || found is not ArchiveView { Title: not null, Kind: not null, Crumbs: not null, Months: not null, Groups: not null } archive
            || archive.Crumbs.Count > MaxItems || archive.Months.Count > MaxItems || archive.Groups.Count > MaxItems
            || archive.Groups.Any(g => g?.Articles is { Count: > MaxItems }))
        {
            return null;
        }

        return new Values(archive, page.Pager, page.Strings, page.Root, page.Undated, page.Approx);
    }
}
