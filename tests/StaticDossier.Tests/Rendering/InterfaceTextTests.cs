using StaticDossier.Analysis;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering.Interface;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>The interface's words per language (templates/i18n), their formats, and the errors a missing one gives.</summary>
public sealed class InterfaceTextTests
{
    [Theory]
    [InlineData("en", "29 May 2020", "May 2020", "10,000", "1 article", "12 articles", "3 min read")]
    [InlineData("vi", "29 tháng 5, 2020", "Tháng 5 năm 2020", "10.000", "1 bài", "12 bài", "3 phút đọc")]
    public void FormatsDatesNumbersAndCountsAsTheLanguageWritesThem(string language, string date, string month, string number, string one, string twelve, string reading)
    {
        var text = Load(language, out var diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        Assert.Equal(date, text!.Date(new DateOnly(2020, 5, 29)));
        Assert.Equal(month, text.Month(2020, 5));
        Assert.Equal(number, text.Number(10_000));
        Assert.Equal(one, text.Count("articles", 1));
        Assert.Equal(twelve, text.Count("articles", 12));
        Assert.Equal(reading, text.ReadingTime(600));
    }

    [Fact]
    public void VietnameseTranslatesEveryEnglishKeyIntoSomethingElse()
    {
        var en = Load("en", out _)!;
        var vi = Load("vi", out var diagnostics)!;
        Assert.Empty(diagnostics);
        Assert.Equal(en.Strings.Keys.Order(StringComparer.Ordinal), vi.Strings.Keys.Order(StringComparer.Ordinal));
        // Separators and the like may stay; words may not.
        var same = en.Strings.Where(kv => vi.Strings[kv.Key] == kv.Value && kv.Value.Any(char.IsLetter)).Select(kv => kv.Key).ToList();
        Assert.True(same.Count == 0, "left in English: " + string.Join(", ", same));
        Assert.Equal("Tiếng Việt", vi.LanguageName("vi"));
        Assert.Equal("Vietnamese", en.LanguageName("vi-VN"));
    }

    [Fact]
    public void AKeyMissingFromATranslationIsAnErrorNamingIt()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var path = dossier.PathOf("templates/i18n/vi.yml");
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.StartsWith("nav_search:", StringComparison.Ordinal)));
        var diagnostics = new DiagnosticBag();
        Assert.Null(InterfaceText.Load(Dossier.Config(dossier) with { Language = "vi" }, diagnostics));
        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.InterfaceTextMissing);
        Assert.Contains("'nav_search'", error.Message, StringComparison.Ordinal);
        Assert.Equal("templates/i18n/vi.yml", error.Location.Path);
    }

    [Fact]
    public void ATemplateAskingForAKeyNoFileHasFailsTheBuildNamingIt()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\n\nBody.\n");
        File.AppendAllText(dossier.PathOf("templates/404.sbn"), "<p>{{ t.no_such_text }}</p>\n");
        var diagnostics = new DiagnosticBag();
        Assert.False(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded);
        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime);
        Assert.Contains("'no_such_text'", error.Message, StringComparison.Ordinal);
        Assert.Equal("templates/404.sbn", error.Location.Path);
    }

    [Fact]
    public void ALanguageWithoutATranslationFileIsAnErrorSayingWhatToAdd()
    {
        Assert.Null(Load("fr", out var diagnostics));
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.InterfaceTextMissing && d.Message.Contains("templates/i18n/fr.yml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sergey Lavrov", null, "lavrov sergey")]
    [InlineData("Phạm Bình Minh", null, "pham binh minh")]
    [InlineData("Bui Thanh Son", null, "bui thanh son")]
    [InlineData("Vladimir Putin", null, "putin vladimir")]
    [InlineData("Xi Jinping", "Xi Jinping", "xi jinping")]
    public void PeopleSortByFamilyName(string name, string? sortAs, string key) =>
        Assert.Equal(key, NameOrder.PersonKey(name, sortAs));

    [Theory]
    [InlineData("Short text.", "Short text.")]
    [InlineData("HÀ NỘI — The minister spoke on Tuesday about the talks that both sides had held in March. He said the partnership would deepen over the coming years. A third sentence follows and goes on and on past the limit.",
        "HÀ NỘI — The minister spoke on Tuesday about the talks that both sides had held in March. He said the partnership would deepen over the coming years.")]
    public void LeadIsTheFirstWholeSentencesThatFit(string text, string lead) => Assert.Equal(lead, Lead.Of(text));

    private static InterfaceText? Load(string language, out DiagnosticBag diagnostics)
    {
        using var dossier = new TempDossier(withSeeds: false);
        diagnostics = new DiagnosticBag();
        return InterfaceText.Load(Dossier.Config(dossier) with { Language = language }, diagnostics);
    }
}
