namespace StaticDossier.Seeds;

/// <summary>What shape a seed has.</summary>
public enum SeedKind
{
    /// <summary>A browser's plain-text dump of a page (<c>*.txt</c>).</summary>
    TextDump,
    /// <summary>A saved web page (<c>*.html</c>, <c>*.htm</c>).</summary>
    Html,
}
