using StaticDossier.Config;
using StaticDossier.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StaticDossier.Content;

/// <summary>Splits a content file into front matter and body and checks the front matter. No I/O.</summary>
public static class ContentPageParser
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/>; null with diagnostics when unusable.</summary>
    public static ContentPage? Parse(string path, string text, DiagnosticBag diagnostics)
    {
        text = text.Replace("\r\n", "\n");
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterMissing,
                "Content page has no front matter. Start the file with a line '---', the YAML keys, then another '---'.",
                new SourceLocation(path, 1, 1));
            return null;
        }

        var close = FindClosingFence(text);
        if (close < 0)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterMissing,
                "Front matter is not closed. Did you forget the second '---' line after the YAML keys?",
                new SourceLocation(path, 1, 1));
            return null;
        }

        var yaml = text[4..close];
        var bodyStart = close + 4 <= text.Length ? close + 4 : text.Length;
        var bodyStartLine = 1 + text[..bodyStart].Count(c => c == '\n');
        FrontMatter? meta;
        try
        {
            meta = Deserializer.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
        }
        catch (YamlException ex)
        {
            // The YAML starts on line 2 of the file, after the opening fence.
            diagnostics.Error(DiagnosticCodes.FrontMatterInvalid, YamlMessages.Describe(ex, typeof(FrontMatter)),
                new SourceLocation(path, (int)ex.Start.Line + 1, (int)ex.Start.Column));
            return null;
        }

        if (!Validate(path, yaml, meta, diagnostics))
        {
            return null;
        }

        return new ContentPage(path, meta, text[bodyStart..].TrimStart('\n'), bodyStartLine);
    }

    private static int FindClosingFence(string text)
    {
        var at = 3;
        while ((at = text.IndexOf("\n---", at, StringComparison.Ordinal)) >= 0)
        {
            var end = at + 4;
            if (end == text.Length || text[end] == '\n')
            {
                return at + 1;
            }

            at = end;
        }

        return -1;
    }

    private static bool Validate(string path, string yaml, FrontMatter meta, DiagnosticBag diagnostics)
    {
        var ok = true;
        if (string.IsNullOrWhiteSpace(meta.Title))
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterValue, "Front matter needs a non-empty 'title'.", KeyLocation(path, yaml, "title"));
            ok = false;
        }

        if (meta.Date is not null && meta.ParsedDate is null)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterValue,
                $"'date' must be a real date written YYYY-MM-DD; got '{meta.Date}'. Leave it out when the date is unknown.",
                KeyLocation(path, yaml, "date"));
            ok = false;
        }

        if (meta.Language is { } lang && !IsLanguageTag(lang))
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterValue, $"'language' must be a BCP 47 tag such as 'en' or 'vi'; got '{lang}'.",
                KeyLocation(path, yaml, "language"));
            ok = false;
        }

        return ok;
    }

    private static bool IsLanguageTag(string tag) =>
        tag.Length is >= 2 and <= 35 && tag.Split('-').All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));

    private static SourceLocation KeyLocation(string path, string yaml, string key)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(key + ":", StringComparison.Ordinal))
            {
                return new SourceLocation(path, i + 2, 1);
            }
        }

        return new SourceLocation(path, 1, 1);
    }
}
