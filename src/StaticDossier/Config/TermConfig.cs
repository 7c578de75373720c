namespace StaticDossier.Config;

/// <summary>A curated person or tag in <c>site.yml</c>: the name its page shows and the other spellings
/// that lead to it. Matching ignores case and diacritics, so "Pham Binh Minh" finds "Phạm Bình Minh".</summary>
public sealed record TermConfig
{
    /// <summary>The name shown on the site, e.g. "Sergey Lavrov". Required.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Other spellings or short forms, e.g. "Sergei Lavrov", "Lavrov"; each is also found in article text.</summary>
    public List<string> Aliases { get; init; } = [];
}
