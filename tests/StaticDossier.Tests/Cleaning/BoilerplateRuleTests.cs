using System.Buffers;
using StaticDossier.Cleaning.Rules;

namespace StaticDossier.Tests.Cleaning;

/// <summary>The service pitches the boilerplate rule looks for in short blocks.</summary>
public sealed class BoilerplateRuleTests
{
    // The ASCII phrases and the Vietnamese one are searched apart; the first pitch must be the one a single search for
    // all of them finds.
    [Fact]
    public void FindsTheFirstPitchAsOneSearchForEveryPhraseWould()
    {
        var all = SearchValues.Create([.. BoilerplateRule.PitchPhrases, BoilerplateRule.VietnamesePitch], StringComparison.OrdinalIgnoreCase);
        string[] parts =
        [
            .. BoilerplateRule.PitchPhrases, BoilerplateRule.VietnamesePitch, "ĐĂNG KÝ NHẬN TIN", "Đăng ký nhận tin", "Newsletter",
            "SIGN UP FOR", "đăng ký", "nhận tin", "sign up", "the", " ", "  ", "x", "ß", "\u212A", "news", "letter",
        ];
        var random = new Random(8);
        var found = 0;
        for (var round = 0; round < 30_000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => parts[random.Next(parts.Length)]));
            var expected = text.AsSpan().IndexOfAny(all);
            found += expected >= 0 ? 1 : 0;
            Assert.Equal(expected, BoilerplateRule.FindPitch(text));
        }

        Assert.True(found > 10_000, $"{found} pitches found");
    }
}
