using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StaticDossier.Rendering;

/// <summary>Parses content Markdown with the pipeline <see cref="MarkdownRenderer"/> renders, in less time than one
/// plain parse. Markdig's autolink extension makes the literal scanner stop at every 'h', 'f', 'm', 't' and 'w' to ask
/// whether an address starts there: 40 % of a parse of generated articles. So a body is first parsed without the
/// extension; only when an address start ("http://", "www." …) lies inside text that parse left literal is it parsed
/// again with it. Elsewhere the extension cannot match (the parser is never called inside link destinations, code or
/// other constructs), its failed checks change nothing, and Markdig merges the literal pieces it leaves: the two
/// parses give the same tree.</summary>
internal static class ContentParser
{
    /// <summary>The pipeline content is parsed and rendered with.</summary>
    public static MarkdownPipeline Pipeline { get; } = Build(autoLinks: true);

    private static readonly MarkdownPipeline WithoutAutoLinks = Build(autoLinks: false);

    private static readonly ThreadLocal<List<int>> Starts = new(() => []);

    /// <summary>The same tree as <c>Markdown.Parse(markdown, Pipeline)</c>.</summary>
    public static MarkdownDocument Parse(string markdown)
    {
        if (LinkOpenings.FirstCostlyLine(markdown) is { } line)
        {
            // Reported as Markdig's own refusals are (an ArgumentException becomes SD0307 at the page).
            throw new ArgumentException(
                $"Link openings '](' from about line {line} of the text under the front matter are never closed by ')', and Markdown would take minutes to read them.");
        }

        // Abbreviations are substituted into literals after inline parsing ("*[http]: …" would hide an address
        // start from the check below): documents that may define one take the plain way.
        if (markdown.Contains("*[", StringComparison.Ordinal))
        {
            return Markdown.Parse(markdown, Pipeline);
        }

        var starts = Starts.Value!;
        AddressStartsIn(markdown, starts);
        var document = Markdown.Parse(markdown, WithoutAutoLinks);
        return starts.Count > 0 && InLiteral(document, starts) ? Markdown.Parse(markdown, Pipeline) : document;
    }

    /// <summary>Where in <paramref name="text"/> one of the strings Markdig's AutoLinkParser checks for (case-sensitively)
    /// before it tries to read an address starts: "http://", "https://", "ftp://", "mailto:", "tel:" and "www.", into
    /// <paramref name="starts"/>, ascending. Found from each colon and from "www.": two searches that stay fast without
    /// wide vectors, where one search for the six strings cost 1.5 % of a native build's samples. No string holds a colon
    /// before its own, so the colons give their starts in order.</summary>
    internal static void AddressStartsIn(ReadOnlySpan<char> text, List<int> starts)
    {
        starts.Clear();
        var www = text.IndexOf("www.", StringComparison.Ordinal);
        for (var at = 0; text[at..].IndexOf(':') is var found and >= 0; at += found + 1)
        {
            var start = StartAt(text, at + found);
            if (start < 0)
            {
                continue;
            }

            // The "www." before this start (none is at it: each string begins with its own letter).
            for (; www >= 0 && www < start; www = NextWww(text, www))
            {
                starts.Add(www);
            }

            starts.Add(start);
        }

        for (; www >= 0; www = NextWww(text, www))
        {
            starts.Add(www);
        }
    }

    /// <summary>Where the string whose colon is at <paramref name="colon"/> starts; -1 when none ends there.</summary>
    private static int StartAt(ReadOnlySpan<char> text, int colon)
    {
        var before = text[..colon];
        if (text[colon..].StartsWith("://", StringComparison.Ordinal))
        {
            if (before.EndsWith("https", StringComparison.Ordinal))
            {
                return colon - 5;
            }

            if (before.EndsWith("http", StringComparison.Ordinal))
            {
                return colon - 4;
            }

            if (before.EndsWith("ftp", StringComparison.Ordinal))
            {
                return colon - 3;
            }
        }

        return before.EndsWith("mailto", StringComparison.Ordinal) ? colon - 6 : before.EndsWith("tel", StringComparison.Ordinal) ? colon - 3 : -1;
    }

    private static int NextWww(ReadOnlySpan<char> text, int www) =>
        text[(www + 1)..].IndexOf("www.", StringComparison.Ordinal) is var next and >= 0 ? www + 1 + next : -1;

    private static bool InLiteral(ContainerBlock container, List<int> starts)
    {
        foreach (var block in container)
        {
            if (block is ContainerBlock inner ? InLiteral(inner, starts) : block is LeafBlock { Inline: { } inline } && InLiteral(inline, starts))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InLiteral(ContainerInline container, List<int> starts)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is ContainerInline inner ? InLiteral(inner, starts) : child is LiteralInline literal && Covers(literal.Span, starts))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one of the ascending <paramref name="starts"/> falls within <paramref name="span"/>.</summary>
    private static bool Covers(SourceSpan span, List<int> starts)
    {
        var index = starts.BinarySearch(span.Start);
        return index >= 0 || (~index < starts.Count && starts[~index] <= span.End);
    }

    private static MarkdownPipeline Build(bool autoLinks)
    {
        // The advanced extensions, less media links (they embed remote players) and alert blocks (inline SVG).
        var builder = new MarkdownPipelineBuilder()
            .UseAbbreviations()
            .UseAutoIdentifiers()
            .UseCitations()
            .UseCustomContainers()
            .UseDefinitionLists()
            .UseEmphasisExtras()
            .UseFigures()
            .UseFooters()
            .UseFootnotes()
            .UseGridTables()
            .UseMathematics()
            .UsePipeTables()
            .UseListExtras()
            .UseTaskLists()
            .UseDiagrams();
        if (autoLinks)
        {
            builder.UseAutoLinks();
        }

        return builder.UseGenericAttributes().DisableHtml().Build();
    }
}
