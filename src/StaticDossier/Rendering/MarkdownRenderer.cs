using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticDossier.Diagnostics;

namespace StaticDossier.Rendering;

/// <summary>Markdown → safe HTML and plain text, from one parse.
/// <para>Safety is by construction rather than by cleaning HTML afterwards: raw HTML in content is disabled,
/// so it is written as escaped text, and Markdig escapes every text and attribute value it writes. What
/// remains for a seed to abuse is policed in the syntax tree before rendering: links and autolinks to
/// anything but http(s), mailto or a relative address are unwrapped to their text, images from off the site
/// (a tracking pixel, and broken offline) become their alt text, attributes written as <c>{key=value}</c>
/// are dropped (only <c>{#id .class}</c> stay), and table alignment is left to the stylesheet rather than
/// inline styles the CSP forbids. The tests hold this to HtmlSanitizer: on every hostile payload and fuzz
/// case, sanitising the output changes nothing that could run.</para></summary>
public sealed class MarkdownRenderer
{
    /// <summary>Put before every id in rendered content, so content ids never equal the page's own.</summary>
    public const string BodyIdPrefix = "body-";

    private static readonly byte[] BodyIdPrefixUtf8 = System.Text.Encoding.UTF8.GetBytes(BodyIdPrefix);

    /// <summary>The pipeline content is parsed with.</summary>
    internal static MarkdownPipeline ContentPipeline => ContentParser.Pipeline;

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    // What a browser strips from both ends of a URL before reading it: C0 controls and space.
    private static readonly char[] C0AndSpace = [.. Enumerable.Range(0, 0x21).Select(i => (char)i)];

    /// <summary>Renders <paramref name="markdown"/> to safe HTML.</summary>
    /// <exception cref="ArgumentException">Markdig refuses the input (nesting deeper than 128 levels).</exception>
    public string Render(string markdown) => RenderBody(markdown).Html.Value;

    /// <summary>Renders <paramref name="markdown"/> to safe HTML and to plain text (whitespace collapsed), parsing once.</summary>
    /// <exception cref="ArgumentException">Markdig refuses the input (nesting deeper than 128 levels).</exception>
    public RenderedMarkdown RenderBody(string markdown)
    {
        var document = ContentParser.Parse(markdown);
        Police(document);
        var renderers = Renderers.Value!;
        try
        {
            return new RenderedMarkdown(renderers.Html.Render(document, PrefixIdsUtf8), renderers.Text.RenderText(document));
        }
        catch
        {
            // Markdig's renderers flip flags while they work (inline HTML off inside image alt text, implicit
            // paragraphs in tight lists) and restore them on the way out; after a throw they may not have,
            // and the next body on this thread must not inherit that.
            renderers.Html.Dispose();
            renderers.Text.Dispose();
            Renderers.Value = (new(html: true), new(html: false));
            throw;
        }
    }

    // Setting up a renderer (every extension's renderers) cost as much as rendering a short body; one pair per thread.
    private static readonly ThreadLocal<(ReusableRenderer Html, ReusableRenderer Text)> Renderers = new(() => (new(html: true), new(html: false)));

    /// <summary>A Markdig HTML renderer kept for reuse, writing to a buffer it clears after each document.</summary>
    private sealed class ReusableRenderer : IDisposable
    {
        private readonly StringWriter _writer;
        private readonly ResettableRenderer _renderer;

        public ReusableRenderer(bool html)
        {
            // The plain text is collapsed as it is written, not kept whole and read again.
            _writer = html ? new StringWriter() : new CollapsingWriter();
            _renderer = html ? new ResettableRenderer(_writer)
                : new ResettableRenderer(_writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
            ContentParser.Pipeline.Setup(_renderer);
        }

        /// <summary>Renders <paramref name="document"/> as plain text, white space collapsed, as UTF-8 (a text renderer's).</summary>
        public BodyText RenderText(MarkdownDocument document)
        {
            var writer = (CollapsingWriter)_writer;
            _renderer.Clear();
            writer.Clear();
            _renderer.Render(document);
            return writer.TakeUtf8();
        }

        /// <summary>Renders <paramref name="document"/> and makes the result from the rendered characters with
        /// <paramref name="finish"/>, straight from the buffer when it is one piece (the usual case once it has grown).</summary>
        public T Render<T>(MarkdownDocument document, Func<ReadOnlySpan<char>, T> finish)
        {
            var buffer = _writer.GetStringBuilder();
            _renderer.Clear();
            buffer.Clear();
            _renderer.Render(document);
            _writer.Flush();
            T result;
            var chunks = buffer.GetChunks();
            if (chunks.MoveNext() && chunks.Current.Length == buffer.Length)
            {
                result = finish(chunks.Current.Span);
            }
            else
            {
                result = finish(buffer.ToString());
            }

            buffer.Clear();
            if (buffer.Capacity > 1 << 20)
            {
                buffer.Capacity = 1 << 16; // one huge body must not pin a megabyte per thread
            }

            return result;
        }

        public void Dispose() => _writer.Dispose();
    }

    /// <summary>Renders <paramref name="markdown"/>; Markdown that Markdig refuses (e.g. 128 nested '&gt;' or '[')
    /// is reported at <paramref name="location"/> and gives null.</summary>
    public string? Render(string markdown, SourceLocation location, DiagnosticBag diagnostics) =>
        RenderBody(markdown, location, diagnostics)?.Html.Value;

    /// <summary>As <see cref="RenderBody(string)"/>, reporting Markdown that Markdig refuses at <paramref name="location"/>.</summary>
    public RenderedMarkdown? RenderBody(string markdown, SourceLocation location, DiagnosticBag diagnostics)
    {
        try
        {
            return RenderBody(markdown);
        }
        catch (ArgumentException ex)
        {
            diagnostics.Error(DiagnosticCodes.ContentMarkdownUnrenderable,
                $"Markdown cannot be rendered: {ex.Message} Look for a long run of '>', '[' or list indentation.", location);
            return null;
        }
    }

    private static void Police(MarkdownDocument document)
    {
        // The nodes are listed before any is changed: unwrapping a link moves its children out, and they are still policed.
        var nodes = Nodes.Value!;
        nodes.Clear();
        AddDescendants(document, nodes);
        foreach (var node in nodes)
        {
            // {key=value} would let a seed write onclick or style; ids and classes are harmless once escaped.
            if (node.TryGetAttributes() is { Properties: { Count: > 0 } properties })
            {
                properties.Clear();
            }

            switch (node)
            {
                case LinkInline link when !IsSafe(link.GetDynamicUrl?.Invoke() ?? link.Url, link.IsImage):
                    Unwrap(link);
                    break;
                case AutolinkInline autolink when !IsSafe(autolink.Url, image: false):
                    autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    break;
                case Table table:
                    foreach (var column in table.ColumnDefinitions)
                    {
                        column.Alignment = null;
                        column.Width = 0;
                    }

                    break;
            }
        }

        nodes.Clear(); // the tree is not kept alive by the thread's list
    }

    private static readonly ThreadLocal<List<MarkdownObject>> Nodes = new(() => []);

    /// <summary>Every node below <paramref name="container"/>, parents before children, in document order: what
    /// Markdig's Descendants() gives (a leaf block's inline root aside), into a list kept per thread, where Descendants()
    /// made two stacks and a list for every body.</summary>
    internal static void AddDescendants(ContainerBlock container, List<MarkdownObject> nodes)
    {
        foreach (var block in container)
        {
            nodes.Add(block);
            if (block is ContainerBlock inner)
            {
                AddDescendants(inner, nodes);
            }
            else if (block is LeafBlock { Inline: { } inline })
            {
                AddDescendants(inline, nodes);
            }
        }
    }

    private static void AddDescendants(ContainerInline container, List<MarkdownObject> nodes)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            nodes.Add(child);
            if (child is ContainerInline inner)
            {
                AddDescendants(inner, nodes);
            }
        }
    }

    /// <summary>Puts a link's (or image's) content where it stood: the words stay, the address goes.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    /// <summary>Whether a browser would follow <paramref name="url"/> somewhere harmless: a relative address,
    /// or an http(s)/mailto one for links. Read the way a browser reads it: surrounding spaces and control
    /// characters and inner tabs and newlines ignored, so "java&#9;script:" is still javascript.</summary>
    internal static bool IsSafe(string? url, bool image)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Most addresses hold no space or control character: nothing to strip, and no copy made.
        var cleaned = url.AsSpan().IndexOfAnyInRange('\0', ' ') < 0 ? url
            : new string([.. url.Trim(C0AndSpace).Where(c => c is not ('\t' or '\n' or '\r'))]);
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        var end = cleaned.IndexOfAny(['/', '?', '#', '\\']);
        var hasScheme = colon >= 0 && (end < 0 || colon < end);
        // Browsers read "//host", "\\host", "/\host" and "\/host" alike: another site.
        var remote = hasScheme || (cleaned.Length >= 2 && cleaned[0] is ('/' or '\\') && cleaned[1] is ('/' or '\\'));
        if (image)
        {
            // Nothing may load from off the site.
            return !remote;
        }

        return !hasScheme || (SafeScheme(cleaned.AsSpan(0, colon))
            && Uri.TryCreate(cleaned, UriKind.Absolute, out var uri) && SafeSchemes.Contains(uri.Scheme, StringComparer.Ordinal));
    }

    private static bool SafeScheme(ReadOnlySpan<char> scheme)
    {
        foreach (var safe in SafeSchemes)
        {
            if (scheme.Equals(safe, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Markdig's renderer with its between-documents reset (indents, line state) made callable.</summary>
    private sealed class ResettableRenderer(TextWriter writer) : HtmlRenderer(writer)
    {
        public void Clear() => Reset();
    }

    /// <summary>Prefixes every id, and every in-page link but a bare "#", in Markdig's output, as UTF-8; with no id to prefix,
    /// encoded straight from the buffer. Safe as plain text work because Markdig escapes '"' everywhere, so <c> id="</c>
    /// and <c> href="#</c> occur only inside tags.</summary>
    private static Utf8Html PrefixIdsUtf8(ReadOnlySpan<char> html)
    {
        var count = 0;
        for (var at = 0; NextPrefix(html, ref at);)
        {
            count++;
        }

        if (count == 0)
        {
            return new Utf8Html(html);
        }

        // Encoded piece by piece into the bytes of the body: made as a string first, the prefixed HTML cost twice its
        // UTF-8 again (some 12 KB a body, most bodies having headings with ids).
        var prefix = BodyIdPrefixUtf8.AsSpan();
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(html) + (count * prefix.Length)];
        var (copied, written) = (0, 0);
        for (var at = 0; NextPrefix(html, ref at);)
        {
            written += System.Text.Encoding.UTF8.GetBytes(html[copied..at], bytes.AsSpan(written));
            prefix.CopyTo(bytes.AsSpan(written));
            written += prefix.Length;
            copied = at;
        }

        System.Text.Encoding.UTF8.GetBytes(html[copied..], bytes.AsSpan(written));
        return Utf8Html.FromUtf8(bytes);
    }

    /// <summary>Moves <paramref name="at"/> just past the next <c> id="</c> or <c> href="#</c> (not followed by
    /// the closing quote) at or after it; false when there is none. Found from the attributes' <c>="</c>, a two-character
    /// search that stays fast without wide vectors: a search for the two strings cost 3 % of a native build's samples.
    /// Neither string holds a space after its first character, so no occurrence starts inside another.</summary>
    internal static bool NextPrefix(ReadOnlySpan<char> html, ref int at)
    {
        while (at < html.Length)
        {
            var found = html[at..].IndexOf(AttributeValue, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var equals = at + found;
            if (html[..equals].EndsWith(" id", StringComparison.Ordinal))
            {
                at = equals + 2;
                return true;
            }

            if (html[..equals].EndsWith(" href", StringComparison.Ordinal) && html[(equals + 2)..] is ['#', ..] and not ['#', '"', ..])
            {
                at = equals + 3;
                return true;
            }

            at = equals + 1;
        }

        at = html.Length;
        return false;
    }

    private const string AttributeValue = "=\"";

    /// <summary>The text with every run of white space made one space, none at either end (the rule
    /// <see cref="CollapsingWriter"/> applies as a body's text is written).</summary>
    internal static string Collapse(ReadOnlySpan<char> text)
    {
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length + 1);
        var space = false;
        var collapsed = new string(buffer, 0, CollapsingWriter.AppendCollapsed(text, buffer, 0, ref space));
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        return collapsed;
    }
}

/// <summary>An article body rendered once for both uses.</summary>
/// <param name="Html">Safe HTML for the page, as UTF-8 (it is only ever written out).</param>
/// <param name="Text">Plain text, whitespace collapsed, for summaries, matching and search, as UTF-8.</param>
public sealed record RenderedMarkdown(Utf8Html Html, BodyText Text)
{
    /// <summary>A body from the HTML and text as strings.</summary>
    public RenderedMarkdown(string html, string text)
        : this(new Utf8Html(html), new BodyText(text))
    {
    }
}
