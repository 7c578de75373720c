using System.Reflection;
using System.Text.RegularExpressions;
using StaticDossier.Config;
using StaticDossier.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StaticDossier.Content;

/// <summary>Splits a content file into front matter and body and checks the front matter. No I/O.</summary>
public static partial class ContentPageParser
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>The front matter keys that hold lists.</summary>
    private static readonly HashSet<string> ListKeys = new(StringComparer.Ordinal) { "tags", "people" };

    /// <summary>What each front matter key holds, in words, for messages about wrong types.</summary>
    private static readonly Dictionary<string, string> ExpectedShapes = typeof(FrontMatter)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite)
        .ToDictionary(p => UnderscoredNamingConvention.Instance.Apply(p.Name), p => Describe(p.PropertyType), StringComparer.Ordinal);

    /// <summary>Parses the UTF-8 file <paramref name="utf8"/> (already checked to be valid UTF-8) read from
    /// <paramref name="path"/>. The same as decoding it and calling <see cref="Parse(string, string, DiagnosticBag)"/>,
    /// but the front matter and the body are decoded apart, so a page's text is not decoded whole only to copy its body
    /// out again (for a large dossier, a copy of every body to collect).</summary>
    internal static ContentPage? Parse(string path, ReadOnlySpan<byte> utf8, DiagnosticBag diagnostics)
    {
        // Line ends and a byte order mark are normalised on the text; such a file takes the general way.
        if (utf8.StartsWith("\uFEFF"u8) || utf8.Contains((byte)'\r') || HeadLength(utf8) is not { } headLength)
        {
            return Parse(path, IO.Utf8Text.Decode(utf8), diagnostics);
        }

        var head = IO.Utf8Text.Decode(utf8[..headLength]);
        var body = utf8[headLength..];
        var blankLines = body.IndexOfAnyExcept((byte)'\n') is var first and >= 0 ? first : body.Length;
        var open = OpeningFence(head)!.Value;
        return Parse(path, head, open, FindClosingFence(head, open), headLength: head.Length, IO.Utf8Text.Decode(body[blankLines..]), blankLines, diagnostics);
    }

    /// <summary>The length in bytes of the front matter with its fences and the closing fence's line end; null when
    /// the text has no closed front matter (the general way then says what is wrong). A fence line is '---' with
    /// trailing white space, as <see cref="OpeningFence"/> reads it: a line starting with "---" is decoded and
    /// checked the same way, so both ways agree on every file.</summary>
    private static int? HeadLength(ReadOnlySpan<byte> utf8)
    {
        var at = 0;
        var fences = 0;
        while (at < utf8.Length)
        {
            var eol = utf8[at..].IndexOf((byte)'\n');
            if (eol < 0)
            {
                return null; // the body must start after the closing fence's line end
            }

            var line = utf8.Slice(at, eol);
            var isFence = line.StartsWith("---"u8) && IO.Utf8Text.Decode(line).AsSpan().TrimEnd().SequenceEqual("---");
            if (fences == 0 && !isFence)
            {
                return null;
            }

            at += eol + 1;
            if (isFence && ++fences == 2)
            {
                return at;
            }
        }

        return null;
    }

    /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/>; null with diagnostics when unusable.</summary>
    public static ContentPage? Parse(string path, string text, DiagnosticBag diagnostics)
    {
        text = text.Replace("\r\n", "\n");
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterMissing,
                "Content page is empty. A page starts with a line '---', the YAML keys (at least 'title'), then another '---'.",
                SourceLocation.InFile(path));
            return null;
        }

        if (OpeningFence(text) is not { } open)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterMissing,
                "Content page has no front matter. Start the file with a line '---', the YAML keys, then another '---'.",
                new SourceLocation(path, 1, 1));
            return null;
        }

        var close = FindClosingFence(text, open);
        if (close < 0)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterMissing,
                "Front matter is not closed. Did you forget the second '---' line after the YAML keys?",
                new SourceLocation(path, 1, 1));
            return null;
        }

        var bodyStart = text.IndexOf('\n', close) is var eol and >= 0 ? eol + 1 : text.Length;
        // The body is looked at in place and copied once, without its leading blank lines.
        var body = text.AsSpan(bodyStart);
        var blankLines = body.IndexOfAnyExcept('\n') is var first and >= 0 ? first : body.Length;
        return Parse(path, text, open, close, bodyStart, body[blankLines..].ToString(), blankLines, diagnostics);
    }

    /// <summary>Reads the front matter in <paramref name="head"/>, which opens at <paramref name="open"/>, closes at
    /// <paramref name="close"/> and ends (its closing fence's line included) at <paramref name="headLength"/>, and checks
    /// the <paramref name="body"/> that follows it after <paramref name="blankLines"/> empty lines.</summary>
    private static ContentPage? Parse(string path, string head, int open, int close, int headLength, string body, int blankLines, DiagnosticBag diagnostics)
    {
        var yaml = head[open..close];
        var bodyStartLine = 1 + head.AsSpan(0, headLength).Count('\n');
        var meta = Deserialize(path, yaml, diagnostics);
        if (meta is null || !Validate(path, yaml, meta, diagnostics))
        {
            return null;
        }

        if (SecondFrontMatter(body) is { } offset)
        {
            var line = bodyStartLine + blankLines + body.AsSpan(0, offset).Count('\n');
            diagnostics.Error(DiagnosticCodes.FrontMatterDuplicate,
                "A second front matter block starts here. Merge its keys into the first block at the top of the file and delete it.",
                new SourceLocation(path, line, 1));
            return null;
        }

        if (meta.Slug is { } slug && Slugger.Slugify(slug) != slug)
        {
            diagnostics.Warning(DiagnosticCodes.FrontMatterSlugRewritten,
                $"'slug' may hold only lower-case letters, digits and hyphens; '{Printable(slug)}' is published as '{Slugger.Slugify(slug)}'.",
                KeyLocation(path, yaml, "slug"));
        }

        return new ContentPage(path, meta, body, bodyStartLine);
    }

    private static FrontMatter? Deserialize(string path, string yaml, DiagnosticBag diagnostics)
    {
        if (FrontMatterReader.TryRead(yaml) is { } common)
        {
            return common;
        }

        if (YamlDepth.FirstTooDeep(yaml) is { } deep)
        {
            // Not the common shape; before YamlDotNet reads it whole. The YAML starts on line 2 of the file.
            diagnostics.Error(DiagnosticCodes.FrontMatterInvalid,
                $"Front matter nests lists or mappings more than {YamlDepth.MaxDepth} deep here; it holds text and lists of text. Quote the value if the brackets are text.",
                new SourceLocation(path, deep.Line + 1, deep.Column));
            return null;
        }

        if (YamlAliases.FirstMisuse(yaml, ListKeys) is { } misuse)
        {
            // The YAML starts on line 2 of the file, after the opening fence.
            diagnostics.Error(DiagnosticCodes.FrontMatterInvalid, misuse.Message, new SourceLocation(path, (int)misuse.Start.Line + 1, (int)misuse.Start.Column));
            return null;
        }

        try
        {
            return Deserializer.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
        }
        catch (YamlException ex)
        {
            // The YAML starts on line 2 of the file, after the opening fence.
            var location = new SourceLocation(path, (int)ex.Start.Line + 1, (int)ex.Start.Column);
            var message = Describe(ex, KeyOnLine(yaml, (int)ex.Start.Line));
            diagnostics.Error(DiagnosticCodes.FrontMatterInvalid, message, location);
            return null;
        }
    }

    /// <summary>Names the key whose value has the wrong type, when the failure is about a type.</summary>
    private static string Describe(YamlException ex, string? key)
    {
        var described = YamlMessages.Describe(ex, typeof(FrontMatter));
        if (key is null || !ExpectedShapes.TryGetValue(key, out var shape))
        {
            return described;
        }

        if (ex.InnerException is { } inner)
        {
            return $"'{key}' must be {shape}: {inner.Message.TrimEnd('.')}.";
        }

        return described.StartsWith("Expected ", StringComparison.Ordinal) ? $"'{key}' must be {shape}. {described}" : described;
    }

    /// <summary>The offset just past the opening '---' line, or null when the file does not start with one.</summary>
    private static int? OpeningFence(ReadOnlySpan<char> text)
    {
        var eol = text.IndexOf('\n');
        var first = eol < 0 ? text : text[..eol];
        return first.TrimEnd().SequenceEqual("---") && eol >= 0 ? eol + 1 : null;
    }

    /// <summary>The offset of the closing '---' line (trailing spaces allowed), or -1.</summary>
    private static int FindClosingFence(ReadOnlySpan<char> text, int from)
    {
        var at = from;
        while (at <= text.Length)
        {
            var eol = text[at..].IndexOf('\n');
            var line = eol < 0 ? text[at..] : text.Slice(at, eol);
            if (line.TrimEnd().SequenceEqual("---"))
            {
                return at;
            }

            if (eol < 0)
            {
                return -1;
            }

            at += eol + 1;
        }

        return -1;
    }

    /// <summary>The offset of a second fenced block of YAML keys at the top of the body, or null.</summary>
    private static int? SecondFrontMatter(ReadOnlySpan<char> body)
    {
        var offset = 0;
        while (offset < body.Length && body[offset] == '\n')
        {
            offset++;
        }

        var rest = body[offset..];
        if (OpeningFence(rest) is not { } open)
        {
            return null;
        }

        var close = FindClosingFence(rest, open);
        return close > open && YamlKeyLine().IsMatch(rest[open..close]) ? offset : null;
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
                $"'date' must be a real date written YYYY-MM-DD; got '{Printable(meta.Date)}'. Leave it out when the date is unknown.",
                KeyLocation(path, yaml, "date"));
            ok = false;
        }

        if (meta.DateApprox is not null && Cleaning.ApproximateDate.Parse(meta.DateApprox) is null)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterValue,
                $"'date_approx' must be a month written YYYY-MM or a year written YYYY; got '{Printable(meta.DateApprox)}'. Use 'date' for an exact day.",
                KeyLocation(path, yaml, "date_approx"));
            ok = false;
        }

        if (meta.Language is { } lang && !IsLanguageTag(lang))
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterValue, $"'language' must be a BCP 47 tag such as 'en' or 'vi'; got '{Printable(lang)}'.",
                KeyLocation(path, yaml, "language"));
            ok = false;
        }

        foreach (var (key, count) in new[] { ("removed_blocks", meta.RemovedBlocks), ("repairs", meta.Repairs) })
        {
            if (count is < 0)
            {
                diagnostics.Error(DiagnosticCodes.FrontMatterValue, $"'{key}' cannot be negative.", KeyLocation(path, yaml, key));
                ok = false;
            }
        }

        foreach (var (key, items) in new[] { ("tags", meta.Tags), ("people", meta.People) })
        {
            if (items is not null && items.Any(string.IsNullOrWhiteSpace))
            {
                diagnostics.Error(DiagnosticCodes.FrontMatterValue, $"'{key}' has an empty item; remove it.", KeyLocation(path, yaml, key));
                ok = false;
            }
        }

        foreach (var (key, value) in TextValues(meta))
        {
            if (BadCharacter(value) is { } bad)
            {
                diagnostics.Error(DiagnosticCodes.FrontMatterValue,
                    $"'{key}' contains {bad}, which cannot be published. Remove it (YAML escapes such as \\u0000 or \\uD800 in quoted strings produce these).",
                    KeyLocation(path, yaml, key));
                ok = false;
            }
        }

        return ok;
    }

    private static IEnumerable<(string Key, string Value)> TextValues(FrontMatter meta)
    {
        (string, string?)[] single =
        [
            ("title", meta.Title), ("date", meta.Date), ("date_approx", meta.DateApprox), ("language", meta.Language), ("source", meta.Source), ("byline", meta.Byline),
            ("url", meta.Url), ("slug", meta.Slug), ("summary", meta.Summary), ("seed", meta.Seed), ("seed_sha256", meta.SeedSha256),
            ("retrieved_at", meta.RetrievedAt), ("archive_file", meta.ArchiveFile), ("archive_record", meta.ArchiveRecord),
        ];
        foreach (var (key, value) in single)
        {
            if (value is not null)
            {
                yield return (key, value);
            }
        }

        foreach (var (key, list) in new[] { ("tags", meta.Tags), ("people", meta.People) })
        {
            foreach (var item in list ?? [])
            {
                if (item is not null)
                {
                    yield return (key, item);
                }
            }
        }
    }

    /// <summary>Describes the first character no page may carry (controls, lone surrogates, non-characters), or null.</summary>
    private static string? BadCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return $"a lone surrogate U+{(int)c:X4}";
            }

            if ((char.IsControl(c) && c is not ('\n' or '\t')) || c is '\uFFFE' or '\uFFFF')
            {
                return $"the control character U+{(int)c:X4}";
            }
        }

        return null;
    }

    /// <summary>Shortens and defangs a value quoted in a message.</summary>
    private static string Printable(string value)
    {
        var clean = new string([.. value.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
        return clean.Length > 60 ? clean[..60] + "…" : clean;
    }

    private static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(bool) ? "true or false"
            : t == typeof(int) ? "a whole number"
            : t == typeof(List<string>) ? "a list of text, e.g. [a, b]"
            : "text";
    }

    private static bool IsLanguageTag(string tag) =>
        tag.Length is >= 2 and <= 35 && tag.Split('-').All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));

    /// <summary>The top-level key written on 1-based YAML line <paramref name="line"/>, or on the nearest line above it.</summary>
    private static string? KeyOnLine(string yaml, int line)
    {
        var lines = yaml.Split('\n');
        for (var i = Math.Min(line, lines.Length) - 1; i >= 0; i--)
        {
            var match = YamlKeyLine().Match(lines[i]);
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
        }

        return null;
    }

    // The YAML starts on line 2 of the file, after the opening fence.
    private static SourceLocation KeyLocation(string path, string yaml, string key) =>
        new(path, YamlMessages.KeyLine(yaml, key) is { } line ? line + 1 : 1, 1);

    [GeneratedRegex(@"^([a-z][a-z0-9_]*)[ \t]*:(?:[ \t]|$)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex YamlKeyLine();
}
