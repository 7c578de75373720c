namespace StaticDossier.Rendering;

/// <summary>HTML that the generator made (or sanitised) itself; templates write it unescaped. Every other
/// value a template writes is HTML-escaped, so text from seeds can never become markup.</summary>
public sealed record RawHtml(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
