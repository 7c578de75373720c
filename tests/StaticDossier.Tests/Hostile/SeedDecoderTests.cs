using System.Text;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

public sealed class SeedDecoderTests
{
    private static byte[] Fixture(string relative) => File.ReadAllBytes(GoldenDossier.CasePath(relative));

    private static string Expected(string relative) => File.ReadAllText(GoldenDossier.CasePath(relative)).Normalize(NormalizationForm.FormC);

    private static (string? Text, DiagnosticBag Diagnostics) Decode(byte[] bytes, SeedKind kind = SeedKind.TextDump)
    {
        var diagnostics = new DiagnosticBag();
        return (SeedDecoder.Decode(bytes, "seeds/x", diagnostics, kind), diagnostics);
    }

    [Fact]
    public void DecodesWindows1258ToPrecomposedVietnamese()
    {
        var bytes = Fixture("013-windows-1258-seed/seeds/vi.txt");
        // windows-1258 writes tone marks as separate combining characters (ố = ô + U+0301).
        Assert.Contains((byte)0xEC, bytes);

        var (text, diagnostics) = Decode(bytes);

        Assert.Equal(Expected("013-windows-1258-seed/expected.text.txt"), text);
        Assert.True(text!.IsNormalized(NormalizationForm.FormC));
        Assert.Contains("môi trường quốc tế", text, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.SeedLegacyEncoding, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void DecodesWindows1251Russian()
    {
        var (text, diagnostics) = Decode(Fixture("014-windows-1251-seed/seeds/ru.txt"));
        Assert.Equal(Expected("014-windows-1251-seed/expected.text.txt"), text);
        Assert.Contains("windows-1251", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("015-utf16-bom-seed/seeds/le.txt", "013-windows-1258-seed/expected.text.txt")]
    [InlineData("015-utf16-bom-seed/seeds/be.txt", "014-windows-1251-seed/expected.text.txt")]
    public void DecodesUtf16WithByteOrderMarkSilently(string seed, string expected)
    {
        var (text, diagnostics) = Decode(Fixture(seed));
        Assert.Equal(Expected(expected), text);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void DecodesUtf32WithByteOrderMark()
    {
        var (text, diagnostics) = Decode([0xFF, 0xFE, 0, 0, .. new UTF32Encoding(false, false).GetBytes("Hà Nội\r\n")]);
        Assert.Equal("Hà Nội\n", text);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void PrefersTheCharsetASavedPageDeclares()
    {
        var (text, diagnostics) = Decode(Fixture("020-declared-charset-html/seeds/page.html"), SeedKind.Html);
        Assert.Contains("<title>Лавров и Вьетнам</title>", text, StringComparison.Ordinal);
        Assert.Contains("declares", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalisesDecomposedUtf8ToNfc()
    {
        var decomposed = "Việt Nam".Normalize(NormalizationForm.FormD);
        var (text, _) = Decode(Encoding.UTF8.GetBytes(decomposed));
        Assert.Equal("Việt Nam".Normalize(NormalizationForm.FormC), text);
    }

    [Fact]
    public void DropsControlCharactersButKeepsLinesAndTabs()
    {
        var (text, diagnostics) = Decode(Encoding.UTF8.GetBytes("a\u0007b\u001bc\td\r\ne\u0085f\u000Cg"));
        Assert.Equal("abc\td\nef\ng", text);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void NamesLineAndColumnOfDamagedUtf8()
    {
        var (text, diagnostics) = Decode([.. "Hà Nội\nđã "u8, 0xC3, .. " ok, Việt Nam, Việt Nam\n"u8]);
        Assert.Null(text);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.SeedUnreadable, error.Code);
        Assert.Equal((2, 4), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void UnrecognisableBytesAreAnErrorNotAGuess()
    {
        var bytes = new byte[600];
        new Random(7).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(0x80 | bytes[i]);
        }

        var (text, diagnostics) = Decode(bytes);
        Assert.Null(text);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.SeedUnreadable);
    }

    [Fact]
    public void RefusesAHugeSeedWithoutReadingIt()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        var path = dossier.PathOf("seeds/huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(SeedReader.MaxSeedBytes + 1);
        }

        var diagnostics = new DiagnosticBag();
        Assert.Null(new SeedReader(dossier.Root).Read(path, diagnostics));
        var error = Assert.Single(diagnostics);
        Assert.Equal("seeds/huge.txt: error SD0201: Seed is 20,971,521 bytes; the limit is 20,971,520. Is this really a saved article?", error.ToString());
    }

    [Fact]
    public void RefusesAHugeContentPage()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        var path = dossier.PathOf("content/huge.md");
        Directory.CreateDirectory(dossier.Content);
        using (var stream = File.Create(path))
        {
            stream.Write("---\ntitle: Huge\n---\n"u8);
            stream.SetLength(ContentPageReader.MaxPageBytes + 1);
        }

        var diagnostics = new DiagnosticBag();
        Assert.Null(new ContentPageReader(dossier.Root).Read(path, diagnostics));
        Assert.StartsWith("content/huge.md: error SD0304: Content page is 8,388,609 bytes", Assert.Single(diagnostics).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ALargeButReasonableContentPageStillBuilds()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var paragraph = "Hà Nội và Moskva thảo luận về tình hình Ukraine. " + new string('x', 80) + "\n\n";
        dossier.Write("content/long.md", "---\ntitle: Long\n---\n\n" + string.Concat(Enumerable.Repeat(paragraph, 20_000)));
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
    }

    // Seeds with none of the characters decoding drops or changes skip the copy that drops them: either way the text
    // is what dropping each in turn makes of it.
    [Fact]
    public void DropsAndFoldsControlCharactersAsCharacterByCharacterDid()
    {
        string[] parts = ["word", "Việt", "e\u0301", " ", "\n", "\r\n", "\r", "\t", "\f", "\v", "\u0001", "\u007F", "\u0085", "\u009F", "\uFEFF", "\uFFFD", "😀"];
        var random = new Random(11);
        for (var round = 0; round < 5_000; round++)
        {
            var text = "x" + string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => parts[random.Next(parts.Length)]));
            var (decoded, _) = Decode(new UTF8Encoding(false).GetBytes(text));
            Assert.Equal(Reference(text), decoded);
        }
    }

    private static string Reference(string text)
    {
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '\u000C' or '\u000B')
            {
                sb.Append('\n');
            }
            else if (c is '\n' or '\t' || !(char.IsControl(c) || c is '\uFFFE' or '\uFFFF' or '\uFEFF'))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
