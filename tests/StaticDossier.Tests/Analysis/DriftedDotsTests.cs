using StaticDossier.Analysis;

namespace StaticDossier.Tests.Analysis;

/// <summary>A long-lived builder's similarity moves a related list's cosines from their last dots when weights drifted
/// (<see cref="TextSimilarity.TryDrift"/>): every cosine so moved is the one summed afresh, after every step of a random
/// sequence of edits that carry common words across the weights' steps, the dots carried from step to step; and the
/// drift's scale, read from one word, bounds the change of every word's weight.</summary>
public sealed class DriftedDotsTests
{
    [Theory]
    [InlineData(FrequencySteps.DefaultBits, 31)]
    [InlineData(2, 32)]
    [InlineData(3, 33)]
    public void ACosineMovedFromItsLastDotIsTheOneSummedAgain(int frequencyBits, int seed)
    {
        var random = new Random(seed);
        var (keys, _) = SimilarityTestBodies.Make(random);
        var vocabulary = SimilarityTestBodies.Vocabulary;
        var memo = new TextSimilarity.Memo();
        var limits = new TextSimilarity.Limits(120, 6, frequencyBits);
        var similarity = new TextSimilarity(keys, everyTriple: false, memo, limits);
        // Each body with a few others: its first candidates, and bodies far from it.
        var pairs = Enumerable.Range(0, keys.Length).SelectMany(a => similarity.Candidates(a, 4).Append((a + 100) % keys.Length).Select(b => (a, b))).ToArray();
        var scores = pairs.Select(p => Summed(similarity, p.a, p.b)).ToArray();
        var (moved, summed, drifted, scaled) = (0, 0, 0, 0);
        for (var step = 0; step < 24; step++)
        {
            var d = random.Next(keys.Length);
            keys[d] += " " + (step % 3 == 0 ? $"zz{step}new" : string.Join(' ', vocabulary.Skip(random.Next(40)).Take(5)));
            var last = similarity;
            similarity = new TextSimilarity(keys, everyTriple: false, memo, limits);
            for (var b = 0; b < keys.Length; b++)
            {
                // The drift's scale, read from one word, bounds every word's.
                if (similarity.DriftOf(b).Scale is var scale && !double.IsNaN(scale) && similarity.ScaleByEachWord(b, last) is var each && !double.IsNaN(each))
                {
                    Assert.True(each <= scale && scale <= each + 1e-14, $"body {b} after step {step}: scale {scale}, each word {each}");
                    scaled += each > 0 ? 1 : 0;
                }
            }

            for (var p = 0; p < pairs.Length; p++)
            {
                var (a, b) = pairs[p];
                var exact = Summed(similarity, a, b);
                if (similarity.TryDrift(a, b, scores[p], out var now))
                {
                    Assert.True(exact.Cosine == now.Cosine, $"{a} and {b} after step {step}: {now.Cosine} moved, {exact.Cosine} summed");
                    Assert.True(Math.Abs(now.Dot - exact.Dot) <= now.DotError + exact.DotError, $"{a} and {b} after step {step}: dot {now.Dot} moved, {exact.Dot} summed");
                    (scores[p], moved) = (now, moved + 1);
                    drifted += similarity.DriftOf(a).Scale > 0 || similarity.DriftOf(b).Scale > 0 ? 1 : 0;
                }
                else
                {
                    (scores[p], summed) = (exact, summed + 1);
                }
            }
        }

        // Most pairs are moved (hundreds holding a drifted body); a few are summed again (a changed body, a dot too near a step).
        Assert.True(moved > 10 * summed && drifted > 500 && scaled > 100, $"{moved} moved ({drifted} of a drifted body), {summed} summed again; {scaled} bodies drifted");
    }

    private static TextScore Summed(TextSimilarity similarity, int a, int b)
    {
        var dot = similarity.Dots(a, [b])[0];
        return new TextScore(TextSimilarity.CosineOf(dot), 0, 0, dot, similarity.DotError(a, b));
    }
}
