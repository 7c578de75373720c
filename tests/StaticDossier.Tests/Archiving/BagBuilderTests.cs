using System.Security.Cryptography;
using System.Text;
using StaticDossier.Archiving;
using StaticDossier.Diagnostics;

namespace StaticDossier.Tests.Archiving;

/// <summary>The bag's tag files, byte for byte as RFC 8493 describes them.</summary>
public sealed class BagBuilderTests
{
    private static readonly BagInfo Info = new()
    {
        SourceOrganization = "Curators",
        ExternalDescription = "A dossier",
        BaggingDate = new DateOnly(2024, 5, 1),
        SoftwareAgent = "StaticDossier test",
    };

    private static Bag Build(params (string Path, string Text)[] payload) =>
        BagBuilder.Build("bag", payload.Select(p => new BagFile(p.Path, Encoding.UTF8.GetBytes(p.Text))), Info);

    private static string Text(Bag bag, string path) => Encoding.UTF8.GetString(bag.Find(path)!.Bytes);

    [Fact]
    public void WritesTheExactBagDeclarationWithoutByteOrderMark()
    {
        var bytes = Build(("a.txt", "a")).Find("bagit.txt")!.Bytes;
        Assert.Equal("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"u8.ToArray(), bytes);
    }

    [Fact]
    public void ManifestsListEveryPayloadFileOnceWithItsChecksumInPathOrder()
    {
        var bag = Build(("b/2.txt", "two"), ("a.txt", "one"), ("b/1.txt", ""));
        Assert.Equal(
            $"{Hex(SHA256.HashData("one"u8))}  data/a.txt\n{Hex(SHA256.HashData([]))}  data/b/1.txt\n{Hex(SHA256.HashData("two"u8))}  data/b/2.txt\n",
            Text(bag, "manifest-sha256.txt"));
        Assert.Equal(
            $"{Hex(SHA512.HashData("one"u8))}  data/a.txt\n{Hex(SHA512.HashData([]))}  data/b/1.txt\n{Hex(SHA512.HashData("two"u8))}  data/b/2.txt\n",
            Text(bag, "manifest-sha512.txt"));
    }

    [Fact]
    public void PercentEncodesCarriageReturnLineFeedAndPercentInManifestPaths()
    {
        var bag = Build(("100% a\r\nb.txt", "x"), ("plain é.txt", "y"));
        var manifest = Text(bag, "manifest-sha256.txt");
        Assert.Contains("  data/100%25 a%0D%0Ab.txt\n", manifest, StringComparison.Ordinal);
        Assert.Contains("  data/plain é.txt\n", manifest, StringComparison.Ordinal);
        Assert.Equal(2, manifest.Count(c => c == '\n'));

        var diagnostics = new DiagnosticBag();
        using var source = new MemoryBagSource(bag);
        Assert.True(BagVerifier.Verify(source, diagnostics).IsValid, string.Join('\n', diagnostics));
    }

    [Fact]
    public void BagInfoHasTheMetadataAndPayloadOxum()
    {
        var bag = Build(("a.txt", "12345"), ("b.txt", "123"));
        Assert.Equal(
            "Source-Organization: Curators\nExternal-Description: A dossier\nBagging-Date: 2024-05-01\n" +
            "Payload-Oxum: 8.2\nBag-Software-Agent: StaticDossier test\n",
            Text(bag, "bag-info.txt"));
    }

    [Fact]
    public void LongBagInfoValuesAreFoldedUnderEightyColumnsAndReadBackWhole()
    {
        var description = string.Join(' ', Enumerable.Repeat("Việt Nam and Russia,", 20));
        var text = BagInfoFormat.Format([new("External-Description", description), new("Next", "value")]);
        Assert.All(text.TrimEnd('\n').Split('\n'), line => Assert.True(line.Length <= BagInfoFormat.LineWidth, line));
        Assert.True(text.Split('\n').Length > 3);

        var errors = new List<(int, string)>();
        var elements = BagInfoFormat.Parse(text, errors);
        Assert.Empty(errors);
        Assert.Equal([("External-Description", description, 1), ("Next", "value", elements[1].Line)], elements);
    }

    [Fact]
    public void TagManifestsListEveryTagFileButNoTagManifest()
    {
        var bag = Build(("a.txt", "a"));
        var listed = Text(bag, "tagmanifest-sha512.txt").TrimEnd('\n').Split('\n').Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 2)..]).ToList();
        Assert.Equal(["bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt"], listed);
        Assert.Equal(
            ["bag-info.txt", "bagit.txt", "data/a.txt", "manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt", "tagmanifest-sha512.txt"],
            bag.Files.Select(f => f.Path));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b.txt")]
    [InlineData("a//b.txt")]
    public void RefusesPayloadPathsThatLeaveTheBag(string path) =>
        Assert.Throws<ArgumentException>(() => Build((path, "x")));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
