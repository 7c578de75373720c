namespace StaticDossier.Gathering;

/// <summary>The rules a site's robots.txt sets for one crawler (RFC 9309): the groups naming its product token, or
/// else the <c>*</c> group; the longest matching path pattern wins, Allow over Disallow on a tie; <c>*</c> matches
/// any run of characters and a final <c>$</c> ends the path. No I/O.</summary>
internal sealed class RobotsRules
{
    private readonly IReadOnlyList<(bool Allow, string Pattern)> _rules;

    private RobotsRules(IReadOnlyList<(bool Allow, string Pattern)> rules) => _rules = rules;

    /// <summary>No rules: everything allowed (no robots.txt, or one the server answers 4xx for).</summary>
    public static RobotsRules AllowAll { get; } = new([]);

    /// <summary>Everything disallowed (robots.txt unreachable: RFC 9309 says to assume the site wants no crawling).</summary>
    public static RobotsRules DisallowAll { get; } = new([(false, "/")]);

    /// <summary>The rules in <paramref name="text"/> for the crawler called <paramref name="productToken"/>.</summary>
    public static RobotsRules Parse(string text, string productToken)
    {
        var mine = new List<(bool, string)>();
        var star = new List<(bool, string)>();
        bool inRules = false, groupMine = false, groupStar = false, sawMine = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key is "user-agent")
            {
                if (inRules)
                {
                    // A user-agent line after rules starts the next group.
                    groupMine = groupStar = inRules = false;
                }

                var token = value.Split('/')[0].Trim();
                groupMine |= token.Equals(productToken, StringComparison.OrdinalIgnoreCase);
                groupStar |= token == "*";
                sawMine |= groupMine;
                continue;
            }

            if (key is not ("allow" or "disallow") || !(groupMine || groupStar))
            {
                inRules |= key is "allow" or "disallow";
                continue;
            }

            inRules = true;
            if (value.Length > 0) // "Disallow:" with nothing allows everything
            {
                (groupMine ? mine : star).Add((key == "allow", value));
            }
        }

        // A group naming this crawler, even one with no rules, replaces the '*' group for it.
        return new RobotsRules(sawMine ? mine : star);
    }

    /// <summary>True when the rules let the crawler fetch <paramref name="pathAndQuery"/> (e.g. <c>/news/1?p=2</c>).</summary>
    public bool Allows(string pathAndQuery)
    {
        if (pathAndQuery.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        var best = -1;
        var allow = true;
        foreach (var (isAllow, pattern) in _rules)
        {
            if (Matches(pattern, pathAndQuery) && (pattern.Length > best || (pattern.Length == best && isAllow)))
            {
                best = pattern.Length;
                allow = isAllow;
            }
        }

        return allow;
    }

    // '*' matches any run, '$' at the end anchors; iterative with backtracking to the last star (linear for
    // the patterns robots.txt files hold, and never recursive on hostile ones).
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored)
        {
            pattern = pattern[..^1];
        }

        int p = 0, s = 0, star = -1, mark = 0;
        while (s < path.Length)
        {
            if (p == pattern.Length && !anchored)
            {
                return true;
            }

            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = s;
            }
            else if (p < pattern.Length && pattern[p] == path[s])
            {
                p++;
                s++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
