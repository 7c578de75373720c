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

    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        RawHtml raw => base.Write(span, raw.Value),
        _ => base.Write(span, Escape(ObjectToString(textAsObject))),
    };

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
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
