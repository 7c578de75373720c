using StaticDossier.Cleaning;

namespace StaticDossier.Tests.Cleaning;

/// <summary>A text dump read into blocks, one a line.</summary>
public sealed class TextDumpReaderTests
{
    // Whitespace inside a line (other than line breaks), of any kind and in any run, becomes one space; the line's
    // ends are trimmed.
    [Fact]
    public void FoldsEveryRunOfWhitespaceInsideALineToOneSpace()
    {
        string[] parts = ["word", "Việt", "x", " ", "  ", "\t", "\u00A0", "\u2003", "\u3000", "\v", "\u200B", "-"];
        var random = new Random(10);
        for (var round = 0; round < 20_000; round++)
        {
            var line = string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => parts[random.Next(parts.Length)]));
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed is "-")
            {
                continue;
            }

            // "- " opens a list item, whose text follows it.
            var expected = Fold(trimmed.Length > 2 && trimmed.StartsWith("- ", StringComparison.Ordinal) ? trimmed[2..] : trimmed);
            var blocks = TextDumpReader.Read("x\n" + line);
            Assert.Equal(expected, Assert.Single(blocks.Skip(1)).Text);
        }
    }

    // An independent statement of the rule: regex \s is the same set as char.IsWhiteSpace.
    private static string Fold(string line) => System.Text.RegularExpressions.Regex.Replace(line.Trim(), @"\s+", " ");
}
