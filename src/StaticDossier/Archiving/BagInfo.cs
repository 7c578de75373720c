using System.Globalization;
using System.Text;

namespace StaticDossier.Archiving;

/// <summary>What a snapshot writes into <c>bag-info.txt</c> (RFC 8493 §2.2.2). Payload-Oxum is computed by <see cref="BagBuilder"/>.</summary>
internal sealed record BagInfo
{
    /// <summary>Source-Organization: who curates the dossier.</summary>
    public string SourceOrganization { get; init; } = string.Empty;

    /// <summary>External-Description: what the dossier is.</summary>
    public string ExternalDescription { get; init; } = string.Empty;

    /// <summary>Bagging-Date; absent when the content gives no date and none was asked for.</summary>
    public DateOnly? BaggingDate { get; init; }

    /// <summary>Bag-Software-Agent: the generator and its version.</summary>
    public string SoftwareAgent { get; init; } = string.Empty;

    /// <summary>Further elements (label, value), written after the reserved ones in this order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extra { get; init; } = [];

    /// <summary>The elements in the order they are written; empty values are left out.</summary>
    public IEnumerable<KeyValuePair<string, string>> Elements(long octets, int streams)
    {
        var all = new List<KeyValuePair<string, string>>
        {
            new("Source-Organization", SourceOrganization),
            new("External-Description", ExternalDescription),
            new("Bagging-Date", BaggingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty),
            new("Payload-Oxum", FormattableString.Invariant($"{octets}.{streams}")),
            new("Bag-Software-Agent", SoftwareAgent),
        };
        all.AddRange(Extra);
        return all.Where(e => !string.IsNullOrWhiteSpace(e.Value));
    }
}

/// <summary>Writes and reads the <c>Label: value</c> lines of <c>bag-info.txt</c>.</summary>
internal static class BagInfoFormat
{
    /// <summary>RFC 8493 recommends lines of at most 79 characters; longer values are folded.</summary>
    public const int LineWidth = 79;

    /// <summary>Formats <paramref name="elements"/>, folding long values at spaces onto indented lines; LF line ends.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> elements)
    {
        var sb = new StringBuilder();
        foreach (var (label, value) in elements)
        {
            // A value is one line: a newline inside it would start a new element.
            var words = value.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
            var line = new StringBuilder(label).Append(':');
            var first = true;
            foreach (var word in words)
            {
                if (!first && line.Length + 1 + word.Length > LineWidth)
                {
                    sb.Append(line).Append('\n');
                    line.Clear().Append("   ");
                }

                line.Append(' ').Append(word);
                first = false;
            }

            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Parses bag-info text into (label, value, 1-based line) elements, unfolding continuation lines.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="errors">Lines that are not elements, as (line, message).</param>
    public static List<(string Label, string Value, int Line)> Parse(string text, List<(int Line, string Message)> errors)
    {
        var elements = new List<(string Label, string Value, int Line)>();
        var lines = BagText.Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                if (elements.Count == 0)
                {
                    errors.Add((i + 1, "A continuation line comes before any element."));
                    continue;
                }

                var last = elements[^1];
                elements[^1] = (last.Label, last.Value + " " + line.Trim(' ', '\t'), last.Line);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.AsSpan(0, colon).Trim().Length != colon)
            {
                errors.Add((i + 1, $"Expected 'Label: value', found '{Shorten(line)}'."));
                continue;
            }

            elements.Add((line[..colon], line[(colon + 1)..].Trim(' ', '\t'), i + 1));
        }

        return elements;
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}

/// <summary>Line handling shared by every text tag file: LF, CR or CRLF ends a line.</summary>
internal static class BagText
{
    /// <summary>The lines of <paramref name="text"/>, without their ends; a final line end adds no empty line.</summary>
    public static List<string> Lines(string text)
    {
        // Not ReplaceLineEndings: it also breaks at U+2028, NEL and FF, which a file name may hold.
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
