using System.Globalization;
using System.Text;
using StaticDossier.Config;
using StaticDossier.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StaticDossier.Rendering.Interface;

/// <summary>Every word the site's own pages show, in the site's language (<c>language:</c> in site.yml), read from
/// <c>templates/i18n/&lt;language&gt;.yml</c>, with dates and numbers formatted the way that language writes them.
/// English (<c>en.yml</c>) is the reference: a translation lacking one of its keys is an error naming the key, and so
/// is a template asking for a key no file has. Formatting is done here from the file's own patterns, never from the
/// machine's culture data, so a build is the same on every machine.</summary>
internal sealed class InterfaceText
{
    /// <summary>Where the translations live, under templates/.</summary>
    public const string Folder = "i18n";

    /// <summary>The reference language: every other file must have its keys.</summary>
    public const string Reference = "en";

    private readonly Dictionary<string, string> _strings;
    private readonly string[] _months;
    private readonly DiagnosticBag? _diagnostics;

    private InterfaceText(string language, string displayPath, Dictionary<string, string> strings, string[] months, DiagnosticBag? diagnostics)
    {
        Language = language;
        DisplayPath = displayPath;
        _strings = strings;
        _months = months;
        _diagnostics = diagnostics;
    }

    /// <summary>The language of the file read (e.g. <c>vi</c>).</summary>
    public string Language { get; }

    /// <summary>The file read, as diagnostics show it (e.g. <c>templates/i18n/vi.yml</c>).</summary>
    public string DisplayPath { get; }

    /// <summary>Every text and month name of the file in one string: two loads with equal stamps say everything alike.</summary>
    public string Stamp => _stamp ??= string.Join('\n', _strings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + "=" + s.Value).Prepend(Language).Concat(_months));

    private string? _stamp;

    /// <summary>Every key, for templates and tests.</summary>
    public IReadOnlyDictionary<string, string> Strings => _strings;

    /// <summary>The text of <paramref name="key"/>; a key the file lacks is reported (once per build is enough to fail
    /// it) and shows as the key itself.</summary>
    public string this[string key]
    {
        get
        {
            if (_strings.TryGetValue(key, out var text))
            {
                return text;
            }

            _diagnostics?.Error(DiagnosticCodes.InterfaceTextMissing, $"The interface text '{key}' is missing from {DisplayPath}.", SourceLocation.InFile(DisplayPath));
            return key;
        }
    }

    /// <summary>The key's text with <c>{0}</c>, <c>{1}</c> … replaced by <paramref name="args"/> (numbers formatted).</summary>
    public string Format(string key, params object?[] args)
    {
        var text = this[key];
        for (var i = 0; i < args.Length; i++)
        {
            text = text.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", Value(args[i]), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>"1 article" / "12 articles": <c>key_one</c> for one, <c>key_other</c> otherwise, <c>{n}</c> the number.</summary>
    public string Count(string key, long n) =>
        this[n == 1 ? key + "_one" : key + "_other"].Replace("{n}", Number(n), StringComparison.Ordinal);

    /// <summary>A whole number with the language's group separator ("10,000", "10.000").</summary>
    public string Number(long n)
    {
        var digits = Math.Abs(n).ToString(CultureInfo.InvariantCulture);
        var separator = this["number_group_separator"];
        var sb = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                sb.Append(separator);
            }

            sb.Append(digits[i]);
        }

        return (n < 0 ? "-" : string.Empty) + sb;
    }

    /// <summary>A day as the language writes it ("29 May 2020", "29 tháng 5, 2020").</summary>
    public string Date(DateOnly date) => Fill(this["date_format"], date.Year, date.Month, date.Day);

    /// <summary>A month as a heading ("May 2020", "Tháng 5 năm 2020").</summary>
    public string Month(int year, int month) => Fill(this["month_format"], year, month, 1);

    /// <summary>An inferred period, <c>YYYY-MM</c> or <c>YYYY</c>, marked approximate ("c. March 2022", "c. 2022").</summary>
    public string ApproximatePeriod(string period) => period.Length == 4
        ? Fill(this["date_approx_year"], int.Parse(period, CultureInfo.InvariantCulture), 1, 1)
        : Fill(this["date_approx_month"], int.Parse(period[..4], CultureInfo.InvariantCulture), int.Parse(period[5..7], CultureInfo.InvariantCulture), 1);

    /// <summary>The name of a month, 1–12.</summary>
    public string MonthName(int month) => _months[month - 1];

    /// <summary>The name of a language tag in this language ("Vietnamese", "Tiếng Việt"): <c>language_&lt;tag&gt;</c>,
    /// else the primary subtag's, else the tag itself.</summary>
    public string LanguageName(string tag)
    {
        var lower = tag.ToLowerInvariant();
        return _strings.GetValueOrDefault("language_" + lower)
            ?? _strings.GetValueOrDefault("language_" + lower.Split('-')[0])
            ?? tag;
    }

    /// <summary>"3 min read": at about 200 words (or Vietnamese syllables) a minute, never less than one.</summary>
    public string ReadingTime(int words) => Count("reading_minutes", Math.Max(1, (words + 100) / 200));

    private string Fill(string pattern, int year, int month, int day) => pattern
        .Replace("{day}", day.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{month_name}", MonthName(month), StringComparison.Ordinal)
        .Replace("{month}", month.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private string Value(object? value) => value switch
    {
        null => string.Empty,
        int i => Number(i),
        long l => Number(l),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Reads the site language's file (the full tag's, else its primary subtag's) and checks it has every key
    /// of <c>en.yml</c>; null, with diagnostics, when it cannot be used.</summary>
    public static InterfaceText? Load(SiteConfig config, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(config.TemplatesPath, Folder);
        var display = config.RelativeToRoot(folder);
        var tag = config.Language.ToLowerInvariant();
        var language = new[] { tag, tag.Split('-')[0] }.FirstOrDefault(l => File.Exists(Path.Combine(folder, l + ".yml")));
        if (language is null)
        {
            diagnostics.Error(DiagnosticCodes.InterfaceTextMissing,
                $"No interface translation for the site's language '{config.Language}': add {display}/{tag.Split('-')[0]}.yml (copy {Reference}.yml and translate it).",
                SourceLocation.InFile(config.SourcePath));
            return null;
        }

        var own = Read(Path.Combine(folder, language + ".yml"), $"{display}/{language}.yml", diagnostics);
        var reference = language == Reference ? own : Read(Path.Combine(folder, Reference + ".yml"), $"{display}/{Reference}.yml", diagnostics);
        if (own is null || reference is null)
        {
            return null;
        }

        var path = $"{display}/{language}.yml";
        foreach (var key in reference.Value.Keys.Keys.Where(k => !own.Value.Keys.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            diagnostics.Error(DiagnosticCodes.InterfaceTextMissing,
                $"The interface text '{key}' is missing from {path} ({Reference}.yml line {reference.Value.Keys[key]} has it).", SourceLocation.InFile(path));
        }

        foreach (var key in own.Value.Keys.Keys.Where(k => !reference.Value.Keys.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            diagnostics.Warning(DiagnosticCodes.InterfaceTextInvalid,
                $"The interface text '{key}' is not in {Reference}.yml, so no template uses it (a misspelt key?).", new SourceLocation(path, own.Value.Keys[key], 1));
        }

        if (!own.Value.Strings.TryGetValue("months", out var months) || months.Split('\n') is not { Length: 12 } names)
        {
            diagnostics.Error(DiagnosticCodes.InterfaceTextInvalid, $"'months' in {path} must list the twelve months' names.", SourceLocation.InFile(path));
            return null;
        }

        return diagnostics.HasErrors ? null : new InterfaceText(language, path, own.Value.Strings, names, diagnostics);
    }

    /// <summary>A flat map of <c>key: text</c> (a list, as <c>months</c>, becomes its items joined by new lines) and
    /// the line of each key.</summary>
    private static (Dictionary<string, string> Strings, Dictionary<string, int> Keys)? Read(string path, string display, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.InterfaceTextMissing, $"{display} is missing: it is the reference every translation is checked against.", SourceLocation.InFile(display));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(File.ReadAllText(path));
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            diagnostics.Error(DiagnosticCodes.InterfaceTextInvalid, ex.Message, new SourceLocation(display, (int)ex.Start.Line, (int)ex.Start.Column));
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Error(DiagnosticCodes.InterfaceTextInvalid, $"{display} must be one map of 'key: text' lines.", SourceLocation.InFile(display));
            return null;
        }

        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var line = (int)keyNode.Start.Line;
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            string? value = valueNode switch
            {
                YamlScalarNode scalar => scalar.Value ?? string.Empty,
                YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode) => string.Join('\n', list.Children.Cast<YamlScalarNode>().Select(c => c.Value)),
                _ => null,
            };
            if (value is null || key.Length == 0 || !key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                diagnostics.Error(DiagnosticCodes.InterfaceTextInvalid,
                    $"'{key}' in {display} must be a lower_snake_case key with a text (or, for 'months', a list).", new SourceLocation(display, line, (int)keyNode.Start.Column));
                continue;
            }

            if (!strings.TryAdd(key, value))
            {
                diagnostics.Error(DiagnosticCodes.InterfaceTextInvalid, $"'{key}' appears twice in {display}.", new SourceLocation(display, line, (int)keyNode.Start.Column));
                continue;
            }

            keys[key] = line;
        }

        return (strings, keys);
    }
}
