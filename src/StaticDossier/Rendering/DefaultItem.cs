namespace StaticDossier.Rendering;

/// <summary>The shipped <c>partials/_article_item.sbn</c> written by C# instead of Scriban's interpreter, with the same
/// characters: <c>include_cached</c> renders it once per article and list context (some 10,000 renders at 10,000
/// articles). As <see cref="DefaultLayout"/>: only while the file is exactly the shipped one and the call passes
/// <c>a</c> (an article or an article link), <c>root</c>, <c>undated_label</c> and <c>approx_label</c> as text;
/// anything else takes Scriban.</summary>
internal static class DefaultItem
{
    /// <summary>The partial this writes.</summary>
    public const string File = "partials/_article_item.sbn";

    /// <summary>The names the shipped templates pass the item's values under.</summary>
    internal static readonly string[] Names = ["a", "root", "undated_label", "approx_label"];

    [ThreadStatic]
    private static Utf8Output? t_output;

    /// <summary>Whether the partial in <paramref name="templatesDir"/> is the shipped one, character for character.</summary>
    public static bool Matches(string templatesDir) => DefaultLayout.Same(templatesDir, [File]);

    /// <summary>The item for the values passed under <paramref name="names"/> (<paramref name="arguments"/> after the partial's
    /// name), as Scriban writes it; null when they are not ones this writes.</summary>
    public static Utf8Html? TryWrite(string[] names, Scriban.Runtime.ScriptArray arguments)
    {
        if (!names.AsSpan().SequenceEqual(Names) || arguments.Count != Names.Length + 1)
        {
            return null;
        }

        return Write(arguments[1], arguments[2], arguments[3], arguments[4]);
    }

    /// <summary>The item for <c>a</c>, <c>root</c>, <c>undated_label</c> and <c>approx_label</c>, as Scriban writes it; null
    /// when they are not ones this writes.</summary>
    public static Utf8Html? Write(object? article, object? rootValue, object? undatedValue, object? approxValue)
    {
        if (rootValue is not string root || undatedValue is not (string or null) || approxValue is not (string or null))
        {
            return null;
        }

        var (undated, approx) = ((string?)undatedValue, (string?)approxValue);
        var item = article switch
        {
            ArticleView v => new Item(v.Url, v.Language, v.Title, v.Date, v.DateDisplay, v.DateApprox, v.DateApproxDisplay, v.Source, v.ReadingTime, v.Summary),
            ArticleLink l => new Item(l.Url, l.Language, l.Title, l.Date, l.DateDisplay, l.DateApprox, l.DateApproxDisplay, l.Source, l.ReadingTime, l.Summary),
            _ => (Item?)null,
        };
        if (item is not { } a)
        {
            return null;
        }

        var output = t_output ??= new Utf8Output();
        output.Clear();
        var o = new DefaultLayout.Writer(output);
        o.Link("<li class=\"item\"><a class=\"item-title\" href=\""u8, root, a.Url).Raw("\" lang=\""u8).Text(a.Language).Raw("\" hreflang=\""u8)
            .Text(a.Language).Raw("\">"u8).Text(a.Title).Raw("</a><p class=\"item-meta\">"u8);
        if (a.Date is not null)
        {
            o.Raw("<time datetime=\""u8).Text(a.Date).Raw("\">"u8).Text(a.DateDisplay).Raw("</time>"u8);
        }
        else if (a.DateApprox is not null)
        {
            o.Raw("<span class=\"approx\" title=\""u8).Text(approx).Raw("\">"u8).Text(a.DateApproxDisplay).Raw("</span>"u8);
        }
        else
        {
            o.Raw("<span class=\"undated\">"u8).Text(undated).Raw("</span>"u8);
        }

        if (a.Source is not null)
        {
            o.Raw(" · <span class=\"source\">"u8).Text(a.Source).Raw("</span>"u8);
        }

        o.Raw(" · "u8).Text(a.ReadingTime).Raw("</p>"u8);
        if (a.Summary != string.Empty)
        {
            o.Raw("<p class=\"item-summary\" lang=\""u8).Text(a.Language).Raw("\">"u8).Text(a.Summary).Raw("</p>"u8);
        }

        o.Raw("</li>"u8);
        var html = o.Plain ? Utf8Html.FromUtf8(output.ToArray(), output.Links.ToPageLinks()) : null;
        output.Clear();
        return html;
    }

    private readonly record struct Item(string Url, string Language, string Title, string? Date, string? DateDisplay, string? DateApprox,
        string? DateApproxDisplay, string? Source, string ReadingTime, string Summary);
}
