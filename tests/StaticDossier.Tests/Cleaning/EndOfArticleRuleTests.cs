using System.Text.RegularExpressions;
using StaticDossier.Cleaning.Rules;

namespace StaticDossier.Tests.Cleaning;

/// <summary>The cheap tests in front of the end-marker patterns (and the outlet-asks-for-comment one) may only skip
/// lines the patterns cannot match.</summary>
public sealed class EndOfArticleRuleTests
{
    private static readonly string[] Space = [" ", "  ", "\t", "\u00A0", "\u2028", "\u3000", "\n"];

    [Fact]
    public void SkipsNoLineTheSlashDotPatternWouldMatch() =>
        AssertSkipsNoMatch(EndOfArticleRule.SlashDot(), EndOfArticleRule.MayEndWithSlashDot,
            [.. Space, "/.", ".", "/", "./.", "border", "Hanoi", "x", "VNA", ",", "!"], 9, 3_000);

    [Fact]
    public void SkipsNoLineTheSignOffPatternWouldMatch() =>
        AssertSkipsNoMatch(EndOfArticleRule.SignOff(), EndOfArticleRule.MayEndWithSignOff,
            [.. Space, "—", "–", "-", "--", "VNA", "VNS", "/", "AP", "X", "x", "ÉLAN", "Reuters", "border."], 6, 500);

    // Words joined by white space, so that whole requests for comment come up.
    [Fact]
    public void SkipsNoLineTheCommentRequestPatternWouldMatch() =>
        AssertSkipsNoMatch(CreditLineRule.OutletAsksForComment(), CreditLineRule.MayAskForComment,
            ["VOA", "RFA", "emailed", "contacted", "seeking", "for", "a", "comment", "comments", "Comment", "commentary", "x."], 10, 80,
            [" ", " ", " ", .. Space]);

    // Random lines of the parts (joined by one of the separators, when given): wherever the pattern matches, the cheap
    // test lets the line through.
    private static void AssertSkipsNoMatch(Regex pattern, Func<string, bool> may, string[] parts, int longest, int atLeast, string[]? between = null)
    {
        var random = new Random(17);
        var matched = 0;
        for (var round = 0; round < 40_000; round++)
        {
            var line = string.Concat(Enumerable.Range(0, random.Next(1, longest + 1))
                .Select(_ => parts[random.Next(parts.Length)] + (between is null ? string.Empty : between[random.Next(between.Length)])));
            if (pattern.IsMatch(line))
            {
                matched++;
                Assert.True(may(line), line);
            }
        }

        Assert.True(matched >= atLeast, $"{matched} lines matched");
    }
}
