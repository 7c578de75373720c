using System.Net;
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
        _ => base.Write(span, WebUtility.HtmlEncode(ObjectToString(textAsObject))),
    };
}
