namespace StaticDossier.Analysis;

/// <summary>The order people are listed in: by family name. Vietnamese names are written family name first
/// ("Phạm Bình Minh": Phạm), so they sort as written; other names ("Sergey Lavrov") by their last word, then the rest.
/// A name is taken as Vietnamese when its first word, ignoring case and diacritics, is one of the common Vietnamese
/// family names, so "Bui Thanh Son" without accents sorts with "Bùi Thanh Sơn". site.yml's <c>sort_as</c> overrides
/// both (a Hungarian or Chinese name, a title).</summary>
internal static class NameOrder
{
    // The family names of nine in ten Vietnamese, folded as TermMatcher.Key folds them.
    private static readonly HashSet<string> VietnameseFamilyNames = new(StringComparer.Ordinal)
    {
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong",
        "ly", "dinh", "trinh", "truong", "lam", "luong", "doan", "cao", "ha", "ton", "thai", "chu", "kieu", "quach", "luu",
        "dao", "trieu", "lai", "nong", "vuong", "giang", "thach", "tong", "mac", "khuat",
    };

    /// <summary>The key a person is sorted by.</summary>
    public static string PersonKey(string name, string? sortAs)
    {
        if (!string.IsNullOrWhiteSpace(sortAs))
        {
            return TermMatcher.Key(sortAs);
        }

        var words = TermMatcher.Key(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || VietnameseFamilyNames.Contains(words[0]))
        {
            return string.Join(' ', words);
        }

        return words[^1] + " " + string.Join(' ', words[..^1]);
    }

    /// <summary>The key any other term is sorted by: <c>sort_as</c>, else its name.</summary>
    public static string TermKey(string name, string? sortAs) =>
        TermMatcher.Key(string.IsNullOrWhiteSpace(sortAs) ? name : sortAs);
}
