using StaticDossier.Content;

namespace StaticDossier.Ingesting;

/// <summary>Names content pages so that no two seeds share one, on any file system: names are compared ignoring
/// case (Windows and macOS do), and every candidate stays far within 255 bytes (slugs are ASCII, at most 80
/// characters each).</summary>
internal static class PageNames
{
    /// <summary>The names a seed's page may take, in order of preference: the name its title asks for, then that
    /// name with the seed's id, then with a number too.</summary>
    public static IEnumerable<string> Candidates(string wanted, string seedId)
    {
        yield return wanted;
        var stem = Path.GetFileNameWithoutExtension(wanted) + "-" + Slugger.Slugify(seedId);
        yield return stem + ".md";
        for (var n = 2; ; n++)
        {
            yield return $"{stem}-{n}.md";
        }
    }

    /// <summary>The first candidate not in <paramref name="taken"/>.</summary>
    public static string Unique(string wanted, string seedId, IReadOnlySet<string> taken) =>
        Candidates(wanted, seedId).First(c => !taken.Contains(c));

    /// <summary>True when <paramref name="name"/> is one of the names <see cref="Candidates"/> gives: the page
    /// already has the name its title asks for, so it need not move.</summary>
    public static bool IsNameFor(string name, string wanted, string seedId)
    {
        if (string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var stem = Path.GetFileNameWithoutExtension(wanted) + "-" + Slugger.Slugify(seedId);
        if (!name.StartsWith(stem, StringComparison.OrdinalIgnoreCase) || !name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = name[stem.Length..^3];
        return rest.Length == 0 || (rest.Length > 1 && rest[0] == '-' && rest[1..].All(char.IsAsciiDigit) && rest[1] != '0');
    }

    /// <summary>An empty set of names compared as file systems that ignore case compare them.</summary>
    public static HashSet<string> NewSet(IEnumerable<string> names) => new(names, StringComparer.OrdinalIgnoreCase);
}
