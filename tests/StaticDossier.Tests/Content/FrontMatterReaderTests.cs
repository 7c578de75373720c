using System.Text.Json;
using StaticDossier.Content;
using StaticDossier.Tests.Fuzz;
using StaticDossier.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StaticDossier.Tests.Content;

/// <summary>The fast front matter reader is a shortcut, never a second opinion: whenever it reads a block,
/// YamlDotNet's deserializer reads the same values; whenever it declines, the deserializer decides.</summary>
public sealed class FrontMatterReaderTests
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    [Theory]
    [InlineData("title: Plain\ndate: 2024-03-01\ntags: [a, \"b c\"]\npeople:\n  - Phạm Minh Chính\ndraft: false\nremoved_blocks: 12\n")]
    [InlineData("title: \"Quoted: with colon\"\nsummary: >-\n  folded\n  lines\nurl: 'https://example.org/x?a=1'\n")]
    [InlineData("title: 2024\nlanguage: vi\nseed_sha256: 00ff\n")]
    [InlineData("title: \"null\"\nsource: '~'\n")]
    public void ReadsCommonFrontMatterAsTheDeserializerDoes(string yaml)
    {
        var fast = FrontMatterReader.TryRead(yaml);
        Assert.NotNull(fast);
        Assert.Equal(Json(Deserializer.Deserialize<FrontMatter>(yaml)), Json(fast));
    }

    [Theory]
    [InlineData("title: ~\n")]
    [InlineData("title: x\ntitle: y\n")]
    [InlineData("Title: x\n")]
    [InlineData("title: x\nextra: 1\n")]
    [InlineData("title: &a x\nsummary: *a\n")]
    [InlineData("title: !!str x\n")]
    [InlineData("title: x\ndraft: yes\n")]
    [InlineData("title: x\nremoved_blocks: -1\n")]
    [InlineData("title: x\ntags:\n  - \n")]
    [InlineData("title: [a, b]\n")]
    [InlineData("title: x\ntags: a\n")]
    [InlineData("title: \"unclosed\n")]
    [InlineData("")]
    public void DeclinesAnythingElse(string yaml) => Assert.Null(FrontMatterReader.TryRead(yaml));

    [Fact]
    public void AgreesWithTheDeserializerOnFuzzedFrontMatter()
    {
        var read = 0;
        for (var i = 0; i < 3000; i++)
        {
            var page = FuzzInputs.ContentPage(FuzzInputs.For(77, i)).Replace("\r\n", "\n", StringComparison.Ordinal);
            var end = page.StartsWith("---\n", StringComparison.Ordinal) ? page.IndexOf("\n---\n", 3, StringComparison.Ordinal) : -1;
            if (end < 0)
            {
                continue;
            }

            var yaml = page[4..(end + 1)];
            if (FrontMatterReader.TryRead(yaml) is not { } fast)
            {
                continue;
            }

            read++;
            FrontMatter? slow;
            try
            {
                slow = Deserializer.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
            }
            catch (YamlException ex)
            {
                Assert.Fail($"the fast reader accepted what the deserializer refuses ({ex.Message}):\n{yaml}");
                return;
            }

            Assert.True(Json(slow) == Json(fast), $"differs on:\n{yaml}\nfast: {Json(fast)}\nslow: {Json(slow)}");
        }

        Assert.True(read > 100, $"only {read} fuzzed blocks took the fast path");
    }

    [Fact]
    public void AgreesWithTheDeserializerOnTheRepositorysContent()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "content"), "*.md", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
            var yaml = text[4..(end + 1)];
            var fast = FrontMatterReader.TryRead(yaml);
            Assert.NotNull(fast);
            Assert.Equal(Json(Deserializer.Deserialize<FrontMatter>(yaml)), Json(fast));
        }
    }

    private static string Json(FrontMatter? meta) => JsonSerializer.Serialize(meta);
}
