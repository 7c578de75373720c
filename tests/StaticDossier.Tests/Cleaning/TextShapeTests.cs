using StaticDossier.Cleaning;

namespace StaticDossier.Tests.Cleaning;

/// <summary>Lines of program code, as a documentation page's text dump prints them, against the short lines of menus,
/// tag clouds and share bars that a dump is full of.</summary>
public sealed class TextShapeTests
{
    [Theory]
    [InlineData("fetch(\"/data.json\").then(function(res) {")]
    [InlineData("console.log(data.entries);")]
    [InlineData("});")]
    [InlineData("// res instanceof Response == true.")]
    [InlineData("if (res.ok) {")]
    [InlineData("var copy = new Request(req);")]
    [InlineData("tides = load(\"tides.txt\")")]
    [InlineData("for day in tides:")]
    [InlineData("print(day.date, low)")]
    [InlineData("<script src=\"vendor/mocha.js\"></script>")]
    [InlineData("</html>")]
    public void KnowsALineOfCode(string line) => Assert.True(TextShape.LooksLikeCode(line));

    [Theory]
    [InlineData("Home")]
    [InlineData("WebRTC (33)")]
    [InlineData("Click to share on Twitter (Opens in new window)")]
    [InlineData("Possible values are:")]
    [InlineData("For example: the first step reads the file.")]
    [InlineData("Posted by Nikhil Marathe on March 10, 2015")]
    [InlineData("2 comments")]
    [InlineData("Privacy Policy")]
    public void TellsMenusAndLabelsFromCode(string line) => Assert.False(TextShape.LooksLikeCode(line));

    [Theory]
    [InlineData("<div style=\"position:absolute;\"><img width=1 height=1 alt=\"\" src=\"http://b5.example.jp/b?P=oI9T&T=16mar804m%2fX%3d1489053188\"></div>", true)]
    [InlineData("<iframe src=\"//www.googletagmanager.com/ns.html?id=GTM-KGMWFG\" height=\"0\" width=\"0\"></iframe>", true)]
    [InlineData("<p>The council will review the timetable after a year, once it knows how many people use the buses.</p>", false)]
    [InlineData("<b>Note:</b> the council will review the timetable after a year, once it knows how many people use the buses.", false)]
    [InlineData("Use <code>git rebase</code> to replay your commits on top of the new base.", false)]
    [InlineData("The bridge opened on Saturday.", false)]
    public void KnowsALineOfRawMarkup(string line, bool markup) => Assert.Equal(markup, TextShape.IsMarkup(line));

    [Theory]
    [InlineData("import numpy as np")]
    [InlineData("\u00A0\treturn x")]
    [InlineData("\u3000const answer")]
    [InlineData("def main")]
    public void KnowsACodeLineOfWordsAlone(string line) => Assert.True(TextShape.LooksLikeCode(line));

    // The cheap test in front of the code-line pattern may only skip lines the pattern cannot match.
    [Fact]
    public void SkipsNoLineThePatternWouldMatch()
    {
        string[] parts =
        [
            "import", "def", "var", "let", "const", "function", "return", "if", "for", "while", "elif", "class", "with",
            "x", "a.b", "Home", "word", " ", "  ", "\t", "\u00A0", "\u2028", "\u3000", "\n", ";", "{", "}", "[", "]", "(", ")",
            "/", "*", "#", "#include", "<", ">", "</", ":", "=", "==", "!", "!=", "=>", ".", "-", "+",
        ];
        var random = new Random(3);
        var matched = 0;
        for (var round = 0; round < 40_000; round++)
        {
            var line = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => parts[random.Next(parts.Length)]));
            if (TextShape.CodeLine().IsMatch(line))
            {
                matched++;
                Assert.True(TextShape.LooksLikeCode(line), line);
            }
            else
            {
                Assert.False(TextShape.LooksLikeCode(line), line);
            }
        }

        Assert.True(matched > 10_000, $"{matched} lines matched");
    }

    // Parts of random texts: stop words of both lists in several cases, punctuation that is trimmed and that is not,
    // non-ASCII letters and marks, the Kelvin sign and dotted I (their lower case is ASCII or longer in other casings),
    // a word longer than any buffer, and whitespace other than the space.
    private static readonly string[] TextParts =
    [
        "the", "The", "THE", "và", "Và", "VÀ", "của", "CỦA", "it's", "It’s", "DON'T", "don’t", "'s", "whether", "WHETHER", "said", "ΣΑΣ", "𐐀𐐀", "Hanoi", "HÀ", "NỘI", "Việt", "Nam",
        "minister", "Minister's", "e\u0301", "\u212Aelvin", "\u0130stanbul", "Straße", "日本語", "ab", "abc", "x", "42", "2020",
        "(quoted)", "\"word\"", "«fr»", "—", "-", "–", "...", "…", "|", "/", "*", ".", ",", ";", ":", "!", "?", "'", "[x]", "#tag",
        "@name", "a.b", "C++", "e-mail", "co-operate", new string('w', 70), new string('W', 600), " ", " ", "  ", "\t", "\u00A0", "\n",
    ];

    private static string RandomText(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => TextParts[random.Next(TextParts.Length)] + (random.Next(3) == 0 ? "" : " ")));

    [Fact]
    public void ContentWordsAreTheTrimmedLowerCasedWordsOnNoStopList()
    {
        var random = new Random(5);
        for (var round = 0; round < 20_000; round++)
        {
            var text = RandomText(random);
            var language = round % 3 == 0 ? "vi" : round % 3 == 1 ? "en" : "other";
            var expected = ReferenceContentWords(text, language);
            var words = TextShape.ContentWords(text, language);
            Assert.True(expected.SetEquals(words), $"{language}: '{text}': [{string.Join(", ", words)}] against [{string.Join(", ", expected)}]");
        }
    }

    [Fact]
    public void AddsContentWordsToASetItAlreadyHolds()
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { "minister" };
        TextShape.AddContentWords("The Minister met the MINISTER of Việt Nam", "en", set);
        Assert.Equal(["met", "minister", "nam", "việt"], set.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CountsWordsAndStopWordsAsLowerCasingEachWordDid()
    {
        var random = new Random(14);
        for (var round = 0; round < 20_000; round++)
        {
            var text = RandomText(random);
            Assert.Equal(ReferenceCount(text), TextShape.Count(text));
        }
    }

    [Fact]
    public void KeysAreTheLowerCasedWordsJoinedBySpaces()
    {
        var random = new Random(6);
        for (var round = 0; round < 20_000; round++)
        {
            var text = RandomText(random);
            Assert.Equal(ReferenceKey(text), TextShape.Key(text));
        }
    }

    // What ContentWords did before it read spans: split at spaces, trim, lower-case a copy, look it up in each list.
    private static HashSet<string> ReferenceContentWords(string text, string language)
    {
        char[] trim = ['.', ',', ';', ':', '!', '?', '"', '\'', '“', '”', '‘', '’', '(', ')', '[', ']', '«', '»', '…', '-', '–', '—', '|', '/', '*'];
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw.Trim(trim).ToLowerInvariant();
            if (w.Length >= 3 && !Lexicon.IsStopWord(language, w) && !Lexicon.IsStopWord("en", w))
            {
                set.Add(w);
            }
        }

        return set;
    }

    private static StopCounts ReferenceCount(string text)
    {
        static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
        int words = 0, en = 0, viOnly = 0, vi = 0, i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || ((text[i] is '\'' or '’') && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            if (i > start)
            {
                words++;
                var word = text[start..i].ToLowerInvariant();
                var isEnglish = Lexicon.EnglishStopWords.Contains(word);
                var isVietnamese = Lexicon.VietnameseStopWords.Contains(word);
                en += isEnglish ? 1 : 0;
                vi += isVietnamese ? 1 : 0;
                viOnly += isVietnamese && !isEnglish ? 1 : 0;
            }
        }

        return new StopCounts(words, en, viOnly, vi);
    }

    private static string ReferenceKey(string text)
    {
        var sb = new System.Text.StringBuilder();
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return sb.ToString();
    }
}
