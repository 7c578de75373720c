using System.Numerics;

namespace StaticDossier.Analysis;

/// <summary>The document frequency a word's IDF is taken from: exact below 2^<c>bits</c>, above that rounded down to its
/// <c>bits</c> leading binary digits (with the default 7: exact up to 127, then down by less than 1/64 of itself, so the
/// IDF moves by less than 0.016). Why: the weights of a body change only when one of its words' rounded frequency does,
/// and a save moves a word's frequency by one, which crosses a step with a chance of one in the step's width. A common
/// word's count changing then reweighs the bodies holding it with that chance only: on average 64 to 128 bodies per
/// changed word, whatever the dossier's size, where the exact frequency reweighed all of them every time. Full builds and
/// <c>serve</c> use the same rule, so their output is the same.</summary>
internal static class FrequencySteps
{
    /// <summary>Leading binary digits kept by default.</summary>
    public const int DefaultBits = 7;

    /// <summary><paramref name="frequency"/> (at least 1) with all but its <paramref name="bits"/> leading binary digits cleared.</summary>
    public static int Round(int frequency, int bits)
    {
        var dropped = Math.Max(0, BitOperations.Log2((uint)frequency) + 1 - bits);
        return frequency >> dropped << dropped;
    }
}
