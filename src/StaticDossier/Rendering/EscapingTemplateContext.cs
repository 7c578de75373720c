using System.Text;
using Scriban;
using Scriban.Parsing;

namespace StaticDossier.Rendering;

/// <summary>A Scriban context that HTML-escapes every <c>{{ value }}</c> unless it is <see cref="RawHtml"/>
/// (autoescaping as in Hugo's html/template).</summary>
internal sealed class EscapingTemplateContext : TemplateContext
{
    public EscapingTemplateContext()
    {
    }

    public EscapingTemplateContext(Scriban.Runtime.ScriptObject builtins)
        : base(builtins)
    {
    }

    // Scriban reflects over a model type (its properties and their attributes) once per context, and forgets it when a
    // context is reset for the next page; so it did for every list (looking for a dictionary interface first). An accessor
    // follows from the type alone and is read-only once built, so one per type serves every page.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Scriban.Runtime.IObjectAccessor> Accessors = new();

    /// <summary>Where the members this render reads are recorded, for incremental builds; null when nobody asks.</summary>
    internal Incremental.ReadSchema? Reads { get; set; }

    protected override Scriban.Runtime.IObjectAccessor GetMemberAccessorImpl(object target)
    {
        var accessor = Accessor(target);
        return Reads is { } reads ? reads.Wrap(target.GetType(), accessor) : accessor;
    }

    private Scriban.Runtime.IObjectAccessor Accessor(object target)
    {
        var type = target.GetType();
        if (Accessors.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var accessor = base.GetMemberAccessorImpl(target);
        if (accessor is not null)
        {
            Accessors.TryAdd(type, accessor);
        }

        return accessor!;
    }

    /// <summary>A value turned into text whole (written, or joined to a string) depends on all its members.</summary>
    public override string? ObjectToString(object? value, bool nested = false)
    {
        if (Reads is { } reads && value is not null and not string and not RawHtml and not Utf8Html and not IConvertible)
        {
            reads.ReadWhole(value.GetType());
        }

        return base.ObjectToString(value, nested);
    }

    /// <summary>The longest string a template may make, in characters. Scriban's loop limit counts iterations, not
    /// bytes: a string doubled 40 times took 19 GB before it stopped. No template needs a string of megabytes (a page's
    /// HTML reaches its layout as a buffer, not a string); a 10,000-article index page is some 5 MB of output.</summary>
    internal const int MaxStringLength = 8 << 20;

    /// <summary>The most one template may write, in characters.</summary>
    internal const int MaxOutputLength = 32 << 20;

    public override object Evaluate(Scriban.Syntax.ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        var value = base.Evaluate(scriptNode, aliasReturnedFunction);
        if (value is string { Length: > MaxStringLength } text)
        {
            throw new Scriban.Syntax.ScriptRuntimeException(scriptNode!.Span,
                $"A value grew to {text.Length:N0} characters; a template may make at most {MaxStringLength:N0}.");
        }

        return value!;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        var context = textAsObject switch
        {
            null => this,
            RawHtml raw => base.Write(span, raw.Value),
            Utf8Html html when Output is Scriban.Runtime.StringBuilderOutput output && string.IsNullOrEmpty(CurrentIndent) => Append(span, output, html),
            Utf8Html html when Output is Scriban.Runtime.StringBuilderOutput output && !html.Bytes.Contains((byte)'\n') => AppendIndented(span, output, html),
            Utf8Html html => base.Write(span, html.Value),
            RawHtmlBuffer buffer when Output is Scriban.Runtime.StringBuilderOutput output && string.IsNullOrEmpty(CurrentIndent) => Append(span, output, buffer),
            RawHtmlBuffer buffer => base.Write(span, buffer.ToString()),
            _ => base.Write(span, Escape(ObjectToString(textAsObject))),
        };
        if (Output is Scriban.Runtime.StringBuilderOutput { Builder.Length: > MaxOutputLength } written)
        {
            throw new Scriban.Syntax.ScriptRuntimeException(span,
                $"The template wrote {written.Builder.Length:N0} characters; a page may be at most {MaxOutputLength:N0}.");
        }

        return context;
    }

    /// <summary>Copies a rendered page into the layout's output without making it a string. Only where no indent is to
    /// be added to its lines; the last character goes through <see cref="TemplateContext.Write(SourceSpan, object)"/>
    /// so Scriban knows, as it would have, whether the output now ends a line.</summary>
    private EscapingTemplateContext Append(SourceSpan span, Scriban.Runtime.StringBuilderOutput output, RawHtmlBuffer buffer)
    {
        var page = buffer.Builder;
        if (page.Length > 0)
        {
            output.Builder.Append(page, 0, page.Length - 1);
            base.Write(span, OneCharacter(page[^1]));
        }

        return this;
    }

    /// <summary>Decodes UTF-8 HTML (an article body) straight into the output, as <see cref="Append(SourceSpan,
    /// Scriban.Runtime.StringBuilderOutput, RawHtmlBuffer)"/> copies a page: no string is made of it. Its last character
    /// goes through <see cref="TemplateContext.Write(SourceSpan, object)"/>, which keeps Scriban's note of how the
    /// output ends.</summary>
    private EscapingTemplateContext Append(SourceSpan span, Scriban.Runtime.StringBuilderOutput output, Utf8Html html) =>
        Decoded(span, output, html, indented: false);

    /// <summary>As <see cref="Append(SourceSpan, Scriban.Runtime.StringBuilderOutput, Utf8Html)"/>, where an indent is to be
    /// added to the lines written (a list's item partial in <c>{{ include_cached … }}</c> on an indented line) and the HTML
    /// is one line: Scriban then only puts the indent before it when the output ends a line. Its first character goes
    /// through <see cref="TemplateContext.Write(SourceSpan, object)"/>, which does that and knows the output no longer
    /// ends a line (the rest has no line end either); the rest is copied. Decoding it to a string instead was most of
    /// what a list page allocated beside its own bytes.</summary>
    private EscapingTemplateContext AppendIndented(SourceSpan span, Scriban.Runtime.StringBuilderOutput output, Utf8Html html) =>
        Decoded(span, output, html, indented: true);

    private EscapingTemplateContext Decoded(SourceSpan span, Scriban.Runtime.StringBuilderOutput output, Utf8Html html, bool indented)
    {
        var bytes = html.Bytes;
        if (bytes.IsEmpty)
        {
            return this;
        }

        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
        try
        {
            var length = Encoding.UTF8.GetChars(bytes, chars);
            if (indented)
            {
                base.Write(span, OneCharacter(chars[0]));
                output.Builder.Append(chars, 1, length - 1);
            }
            else
            {
                output.Builder.Append(chars, 0, length - 1);
                base.Write(span, OneCharacter(chars[length - 1]));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }

        return this;
    }

    // The ASCII characters as strings, for the one character written through Scriban (an HTML page's last is '>').
    private static readonly string[] Ascii = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    private static string OneCharacter(char c) => c < 128 ? Ascii[c] : c.ToString();

    /// <summary>Escapes the five characters that matter in text and quoted attributes, and nothing else, so
    /// Vietnamese letters stay readable in the page source.</summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text ?? string.Empty;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}
