using StaticDossier.Cleaning;
using StaticDossier.Cleaning.Rules;

namespace StaticDossier.Tests.Cleaning;

/// <summary>The index the duplicate rule asks for a block's near copies.</summary>
public sealed class LongBlockIndexTests
{
    // The earliest indexed block whose distinct words share four fifths of the union with the new block's, as comparing
    // the two sets finds it.
    [Fact]
    public void FindsTheFirstNearCopyAsComparingEverySetDoes()
    {
        string[] vocabulary = ["the", "minister", "said", "hanoi", "việt", "nam", "talks", "trade", "2020", "a", "b", "c", "d", "e"];
        var random = new Random(13);
        var found = 0;
        for (var page = 0; page < 300; page++)
        {
            var index = new LongBlockIndex();
            var indexed = new List<(Block Block, HashSet<string> Words)>();
            for (var i = 0; i < 30; i++)
            {
                var words = Enumerable.Range(0, random.Next(1, 16)).Select(_ => vocabulary[random.Next(random.Next(3, vocabulary.Length))]).ToList();
                var key = string.Join(' ', words);
                var set = words.ToHashSet(StringComparer.Ordinal);
                var expected = indexed.FirstOrDefault(o => o.Words.Intersect(set).Count() >= 0.8 * o.Words.Union(set).Count()).Block;
                Assert.Same(expected, index.FirstNearCopy(key));
                found += expected is null ? 0 : 1;
                if (random.Next(3) > 0)
                {
                    var block = new Block(i, i + 1, key, "p", null);
                    index.Add(block);
                    indexed.Add((block, set));
                }
            }
        }

        Assert.True(found > 500, $"{found} near copies");
    }
}
