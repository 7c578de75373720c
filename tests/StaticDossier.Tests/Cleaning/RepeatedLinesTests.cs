using StaticDossier.Cleaning;
using StaticDossier.Seeds;

namespace StaticDossier.Tests.Cleaning;

/// <summary>The lines an outlet repeats are those whose key is on at least three of its seeds (copies of one text
/// counting once), however lines are hashed on the way.</summary>
public sealed class RepeatedLinesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FindsTheLinesWhoseKeyIsOnThreeSeedsOfTheOutlet(int seed)
    {
        var seeds = RandomSeeds(new Random(seed), 120);
        var expected = Oracle(seeds);
        Assert.Contains(expected.Values, lines => lines.Count > 0);
        Assert.Contains(expected.Values, lines => lines.Count == 0);

        foreach (var found in new[] { RepeatedLines.Find(seeds), RepeatedLines.Find(seeds, key => (ulong)key.Length % 3) })
        {
            Assert.Equal(expected.Keys.Order(), found.Keys.Order());
            foreach (var (path, lines) in expected)
            {
                Assert.Equal(lines.Order(StringComparer.Ordinal), found[path].Order(StringComparer.Ordinal));
            }
        }
    }

    /// <summary>The rule stated plainly: per outlet, each key's number of distinct texts holding it.</summary>
    private static Dictionary<string, List<string>> Oracle(List<SeedDocument> seeds)
    {
        var result = new Dictionary<string, List<string>>();
        foreach (var outlet in seeds.Where(s => s.Kind == SeedKind.TextDump).GroupBy(s => s.Sidecar?.Url is { } u ? new Uri(u).Host : ""))
        {
            var keysOf = outlet.ToDictionary(s => s.Path, s => s.Text.Split('\n').Select(TextShape.Key).Where(k => k.Length > 0).ToHashSet());
            var texts = outlet.GroupBy(s => s.Text).Select(g => keysOf[g.First().Path]).ToList();
            foreach (var s in outlet)
            {
                result[s.Path] = [.. keysOf[s.Path].Where(k => texts.Count(t => t.Contains(k)) >= RepeatedLines.MinSeeds)];
            }
        }

        return result;
    }

    private static List<SeedDocument> RandomSeeds(Random random, int count)
    {
        string[] menu = ["Home | World | Business", "HOME - world - business!", "Log in | Register", "Trang chủ | Thời sự", "TRANG CHỦ thời sự",
            "Privacy policy", "Share on Facebook", "Other news", "Đọc thêm", "© 2024 The Daily"];
        string[] hosts = ["https://a.example/x", "https://b.example/y", ""];
        var seeds = new List<SeedDocument>();
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && random.Next(8) == 0)
            {
                // A copy of an earlier seed under another name.
                var copied = seeds[random.Next(seeds.Count)];
                seeds.Add(copied with { Path = $"seeds/{i:000}.txt" });
                continue;
            }

            var lines = Enumerable.Range(0, random.Next(4) == 0 ? 0 : random.Next(2, 7)).Select(_ => menu[random.Next(menu.Length)])
                .Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"Paragraph {random.Next(400)} of the story, told again."))
                .Append("").Append("   ").Append("-- --");
            var host = hosts[random.Next(hosts.Length)];
            var kind = random.Next(10) == 0 ? SeedKind.Html : SeedKind.TextDump;
            seeds.Add(new SeedDocument($"seeds/{i:000}.txt", kind, string.Join('\n', lines.OrderBy(_ => random.Next())), "0",
                host.Length == 0 ? null : new SeedMetadata { Url = host }));
        }

        return seeds;
    }
}
