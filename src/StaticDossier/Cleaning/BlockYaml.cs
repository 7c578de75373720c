using System.Globalization;
using System.Text;

namespace StaticDossier.Cleaning;

/// <summary>Writes a string as YamlDotNet's emitter (default settings, a string event tagged str and plain-implicit,
/// in block context: a mapping value or a sequence item) would, for the strings whose form is easy to be sure of:
/// plain, or single-quoted when plain is not allowed. Anything else (line breaks, characters outside the printable
/// range, a quote that forces double quotes, tabs) is left to the emitter. The emitter's per-character analysis cost
/// as much as cleaning a seed; <c>RemovalAuditYamlTests</c> holds the two together.</summary>
internal static class BlockYaml
{
    /// <summary>Appends " value" (the space after "key:" or "-") and returns true, or appends nothing and returns
    /// false when only the emitter should write <paramref name="value"/>.</summary>
    public static bool TryAppendScalar(StringBuilder output, string value)
    {
        if (value.Length == 0)
        {
            output.Append(" ''");
            return true;
        }

        var plain = !value.StartsWith("---", StringComparison.Ordinal) && !value.StartsWith("...", StringComparison.Ordinal)
                    && value[0] != ' ' && value[^1] != ' ';
        var quotes = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!IsPrintableOnOneLine(c))
            {
                return false;
            }

            var followedBySpace = i + 1 == value.Length || value[i + 1] == ' ';
            if (i == 0)
            {
                // YAML's indicators, which a plain scalar may not start with.
                if (c is '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '"' or '%' or '@' or '`' or '\''
                    || (c is '?' or ':' or '-' && followedBySpace))
                {
                    plain = false;
                }
            }
            else if ((c == ':' && followedBySpace) || (c == '#' && value[i - 1] == ' '))
            {
                plain = false;
            }

            quotes |= c == '\'';
        }

        if (plain)
        {
            output.Append(' ').Append(value);
            return true;
        }

        if (quotes)
        {
            return false;
        }

        output.Append(" '").Append(value).Append('\'');
        return true;
    }

    /// <summary>Appends " n": an int is always plain.</summary>
    public static void AppendInt(StringBuilder output, int value) =>
        output.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture));

    // The emitter's printable range, less tabs and line breaks (U+0085 lies outside it; U+2028 and U+2029 inside).
    private static bool IsPrintableOnOneLine(char c) =>
        c is (>= ' ' and <= '~') or (>= '\u00A0' and <= '\uD7FF' and not '\u2028' and not '\u2029') or (>= '\uE000' and <= '\uFFFD');
}
