namespace StaticDossier.Rendering;

/// <summary>HTML that the generator made (or sanitised) itself; templates write it unescaped. Every other
/// value a template writes is HTML-escaped, so text from seeds can never become markup.</summary>
public sealed record RawHtml(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Generated HTML still in the buffer it was rendered into (a page, for its layout): written unescaped
/// like <see cref="RawHtml"/>, copied straight from the buffer.</summary>
internal sealed class RawHtmlBuffer(System.Text.StringBuilder builder)
{
    // Internal, so templates cannot reach the thread's buffer; they see what RawHtml showed them.
    internal System.Text.StringBuilder Builder => builder;

    /// <summary>The HTML, as <see cref="RawHtml.Value"/>.</summary>
    public string Value => builder.ToString();

    /// <inheritdoc />
    public override string ToString() => Value;
}
