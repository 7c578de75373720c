using StaticDossier.Content;

namespace StaticDossier.Tests.Content;

/// <summary>The front matter ingest writes is written directly when that is safe, and must stay byte for byte what
/// YamlDotNet's serializer (with the round-trip quoting) writes, for any text a seed may hold.</summary>
public sealed class ContentPageFormatterTests
{
    // Indicators in every position, quotes, spaces that are not ' ', a tab, a line break, an astral character.
    private static readonly string[] Alphabet =
        [.. "aZ09 .,;:!?#-'\"&*|>%@`[]{}()/\\~ảơ–“”©\u00A0\u2028\t\n".Select(c => c.ToString()), "😀"];

    [Fact]
    public void WritesTheFrontMatterTheSerializerWrites()
    {
        var random = new Random(11);
        string? Pick(bool required = false)
        {
            if (!required && random.Next(3) == 0)
            {
                return null;
            }

            // Mostly words, so most pages take the direct path; one string in eight of any characters.
            var units = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(8) == 0
                ? Alphabet[random.Next(Alphabet.Length)]
                : new[] { "ab", "c", "d e", "f" }[random.Next(4)]);
            return random.Next(20) == 0 ? new[] { "null", "~", "Null", "true", "123" }[random.Next(5)] : string.Concat(units);
        }

        var direct = 0;
        for (var round = 0; round < 3000; round++)
        {
            var meta = new FrontMatter
            {
                Title = Pick(required: true)!,
                Date = Pick(), DateApprox = Pick(), Language = Pick(), Source = Pick(), Byline = Pick(), Url = Pick(),
                Tags = random.Next(8) == 0 ? [Pick(required: true)!] : null,
                Draft = random.Next(8) == 0,
                Seed = Pick(), SeedSha256 = Pick(),
                RemovedBlocks = random.Next(4) == 0 ? null : random.Next(0, 40),
                Repairs = random.Next(2) == 0 ? null : random.Next(0, 3),
                RetrievedAt = Pick(), ArchiveFile = Pick(), ArchiveRecord = Pick(),
            };
            var expected = "---\n" + ContentPageFormatter.Serialized(meta) + "---\n\nBody.\n";
            var text = ContentPageFormatter.Format(meta, "Body.");
            Assert.Equal(expected, text);
            direct += text.Contains('"', StringComparison.Ordinal) || meta is not { Tags: null, Draft: false, RemovedBlocks: not 0, Repairs: not 0 } ? 0 : 1;
        }

        Assert.True(direct > 600, $"{direct} of 3000 pages had nothing the direct path leaves to the serializer");
    }
}
