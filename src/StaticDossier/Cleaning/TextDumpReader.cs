using System.Text;

namespace StaticDossier.Cleaning;

/// <summary>Reads a plain-text dump straight into blocks (one <c>p</c> or <c>li</c> per line, with its line number),
/// so dumps and saved pages share one set of rules.</summary>
internal static class TextDumpReader
{
    // Building an AngleSharp DOM only to walk it again cost about a third of a dump's cleaning time;
    // the blocks here match what BlockReader made from that DOM, field for field.
    public static List<Block> Read(string text)
    {
        var blocks = new List<Block>();
        var sb = new StringBuilder();
        var lineNo = 0;
        var gap = false;
        var bullet = false;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            lineNo++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                gap = true;
                continue;
            }

            // A lone bullet on its own line marks the next line as a list item.
            if (line is "-" or "•" or "*" or "·")
            {
                bullet = true;
                continue;
            }

            var isItem = bullet;
            if (line.Length > 2 && line[0] is '-' or '•' or '*' or '·' && line[1] == ' ')
            {
                isItem = true;
                line = line[2..].TrimStart();
            }

            blocks.Add(new Block(blocks.Count, lineNo, Normalise(line, sb), isItem ? "li" : "p", null) { AfterGap = gap });
            gap = false;
            bullet = false;
        }

        return blocks;
    }

    // Every character char.IsWhiteSpace accepts but the space.
    private static readonly System.Buffers.SearchValues<char> OtherWhiteSpace = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c))]);

    // Runs of whitespace inside a line become one space, as the DOM walk made them; the line is already trimmed.
    private static string Normalise(ReadOnlySpan<char> line, StringBuilder sb)
    {
        // Plain unless it holds whitespace other than a space, or a space followed by whitespace (the line is trimmed,
        // so a space has a character after it).
        if (line.IndexOfAny(OtherWhiteSpace) < 0 && !line.Contains("  ", StringComparison.Ordinal))
        {
            return line.ToString();
        }

        sb.Clear();
        var space = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
