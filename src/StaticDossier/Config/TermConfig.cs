namespace StaticDossier.Config;

/// <summary>A curated person, tag or source in <c>site.yml</c>: the name its page shows and the other spellings
/// that lead to it. Matching ignores case and diacritics, so "Pham Binh Minh" finds "Phạm Bình Minh".</summary>
public sealed record TermConfig
{
    /// <summary>The name shown on the site, e.g. "Sergey Lavrov". Required.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Other spellings or short forms, e.g. "Sergei Lavrov", "Lavrov"; each is also found in article text.</summary>
    public List<string> Aliases { get; init; } = [];

    /// <summary>A few words saying who or what it is ("Russian foreign minister"), shown beside the name.</summary>
    public string? Role { get; init; }

    /// <summary>A sentence or two shown on the term's page.</summary>
    public string? Description { get; init; }

    /// <summary>A source's full name ("Vietnam News Agency"), shown on its page and in lists; sources only.</summary>
    public string? FullName { get; init; }

    /// <summary>A source's home page (an http or https address), linked from its page; sources only.</summary>
    public string? HomePage { get; init; }

    /// <summary>What lists sort it by ("Lavrov, Sergey"). By default people sort by family name: a name whose first
    /// word is a Vietnamese family name ("Phạm Bình Minh") as written, any other by its last word first.</summary>
    public string? SortAs { get; init; }
}
