using StaticDossier.Diagnostics;
using StaticDossier.IO;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StaticDossier.Config;

/// <summary>Reads and validates <c>site.yml</c>.</summary>
public static class SiteConfigLoader
{
    /// <summary>The largest site.yml read: people and tags with their aliases fit many times over.</summary>
    private const int MaxBytes = 1 << 20;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>Loads the config at <paramref name="path"/>; null (with diagnostics) when it is unusable.</summary>
    public static SiteConfig? Load(string path, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            diagnostics.Error(DiagnosticCodes.ConfigMissing, "The path of site.yml is empty. Pass --config with a site.yml, or leave it out.", SourceLocation.None);
            return null;
        }

        var display = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.ConfigMissing,
                $"No site.yml at '{Path.GetFullPath(path)}'. Run dossier in the dossier's folder or pass --config.",
                SourceLocation.InFile(display));
            return null;
        }

        var bytes = ReadCapped(path, display, diagnostics);
        if (bytes is null)
        {
            return null;
        }

        if (IO.Utf8Text.FirstInvalidByte(bytes) is var bad and >= 0)
        {
            var (line, column) = IO.Utf8Text.PositionOf(bytes, bad);
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, $"site.yml is not valid UTF-8 (byte 0x{bytes[bad]:X2}). Save it as UTF-8.",
                new SourceLocation(display, line, column));
            return null;
        }

        var text = IO.Utf8Text.Decode(bytes).TrimStart('\uFEFF');
        var config = Parse(text, display, diagnostics);
        if (config is null)
        {
            return null;
        }

        config = config with
        {
            RootDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!,
            SourcePath = display,
        };
        return Validate(config, text, diagnostics) ? config : null;
    }

    /// <summary>site.yml's bytes, read no further than <see cref="MaxBytes"/>: a device such as /dev/zero reports no size
    /// and never ends, and a FIFO blocks the open, so a file reporting no size is never opened: empty, or refused by kind.</summary>
    private static byte[]? ReadCapped(string path, string display, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(path);
        if (full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal))
        {
            diagnostics.Error(DiagnosticCodes.ConfigMissing, $"'{full}' is a device, not a site.yml file. Pass --config with a site.yml.", SourceLocation.InFile(display));
            return null;
        }

        try
        {
            if (new FileInfo(full).Length == 0)
            {
                if (FileKinds.Of(full) is var kind and not (FileKind.Regular or FileKind.Unknown))
                {
                    diagnostics.Error(DiagnosticCodes.ConfigMissing, $"'{full}' is {FileKinds.Describe(kind)}, not a site.yml file. Pass --config with a site.yml.", SourceLocation.InFile(display));
                    return null;
                }

                return [];
            }

            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
            var buffer = new byte[MaxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            if (length > MaxBytes)
            {
                diagnostics.Error(DiagnosticCodes.ConfigInvalid, $"site.yml is larger than {MaxBytes / 1024} KiB; is '{full}' really the site's config?", SourceLocation.InFile(display));
                return null;
            }

            return buffer[..length];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.ConfigMissing, $"Cannot read '{full}': {ex.Message}", SourceLocation.InFile(display));
            return null;
        }
    }

    /// <summary>Parses config text without touching the file system.</summary>
    public static SiteConfig? Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        if (YamlDepth.FirstTooDeep(text) is { } deep)
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid,
                $"site.yml nests lists or mappings more than {YamlDepth.MaxDepth} deep here; no setting needs that. Quote the value if the brackets are text.",
                new SourceLocation(displayPath, deep.Line, deep.Column));
            return null;
        }

        try
        {
            var config = Deserializer.Deserialize<SiteConfig?>(text) ?? new SiteConfig();
            // `key: ~` sets a string to null despite its type; optional text becomes empty, folders are checked in Validate.
            return config with { Description = config.Description ?? string.Empty, Author = config.Author ?? string.Empty };
        }
        catch (YamlException ex)
        {
            diagnostics.Error(DiagnosticCodes.ConfigInvalid, YamlMessages.Describe(ex, typeof(SiteConfig)),
                new SourceLocation(displayPath, (int)ex.Start.Line, (int)ex.Start.Column));
            return null;
        }
    }

    private static bool Validate(SiteConfig config, string text, DiagnosticBag diagnostics)
    {
        var ok = true;
        if (!Uri.TryCreate(config.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            diagnostics.Error(DiagnosticCodes.ConfigValue,
                "'base_url' must be an absolute http(s) URL, such as https://example.org/dossier/.",
                KeyLocation(config.SourcePath, text, "base_url"));
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(config.Title))
        {
            diagnostics.Error(DiagnosticCodes.ConfigValue, "'title' must not be empty.", KeyLocation(config.SourcePath, text, "title"));
            ok = false;
        }

        foreach (var (key, value) in new[]
                 {
                     ("language", config.Language), ("content_dir", config.ContentDir), ("seeds_dir", config.SeedsDir),
                     ("templates_dir", config.TemplatesDir), ("output_dir", config.OutputDir),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                diagnostics.Error(DiagnosticCodes.ConfigValue, $"'{key}' must not be empty; leave the key out to use the default.",
                    KeyLocation(config.SourcePath, text, key));
                ok = false;
            }
        }

        if (config.FeedLimit < 0)
        {
            diagnostics.Error(DiagnosticCodes.ConfigValue, "'feed_limit' must be 0 (every article) or a positive number of newest articles.",
                KeyLocation(config.SourcePath, text, "feed_limit"));
            ok = false;
        }

        foreach (var (key, terms) in new[] { ("people", config.People), ("tags", config.Tags), ("sources", config.Sources) })
        {
            if (key != "sources" && terms.Any(t => t.FullName is not null || t.HomePage is not null))
            {
                diagnostics.Error(DiagnosticCodes.ConfigValue, $"'full_name' and 'home_page' describe an outlet: they belong under 'sources', not '{key}'.",
                    KeyLocation(config.SourcePath, text, key));
                ok = false;
            }

            if (terms.FirstOrDefault(t => t.HomePage is { } page && !(Uri.TryCreate(page, UriKind.Absolute, out var u) && u.Scheme is "http" or "https")) is { } bad)
            {
                diagnostics.Error(DiagnosticCodes.ConfigValue, $"The home page of '{bad.Name}' in '{key}' must be an http or https address; got '{bad.HomePage}'.",
                    KeyLocation(config.SourcePath, text, key));
                ok = false;
            }

            if (terms.Any(t => string.IsNullOrWhiteSpace(t.Name) || t.Aliases?.Any(string.IsNullOrWhiteSpace) != false))
            {
                diagnostics.Error(DiagnosticCodes.ConfigValue, $"Every entry of '{key}' needs a non-empty 'name', and aliases must not be empty.",
                    KeyLocation(config.SourcePath, text, key));
                ok = false;
            }
        }

        if (config.Events.Any(e => string.IsNullOrWhiteSpace(e.Name) || e.ParsedDate is null || e.Aliases?.Any(string.IsNullOrWhiteSpace) != false))
        {
            diagnostics.Error(DiagnosticCodes.ConfigValue,
                "Every entry of 'events' needs a non-empty 'name' and a 'date' written YYYY-MM-DD, and aliases must not be empty.",
                KeyLocation(config.SourcePath, text, "events"));
            ok = false;
        }

        if (!ok)
        {
            return false;
        }

        if (OverlapsSources(config) is { } overlapped)
        {
            diagnostics.Error(DiagnosticCodes.ConfigValue,
                $"'output_dir' must be a folder of its own: publishing replaces it whole, and it overlaps {overlapped}.",
                KeyLocation(config.SourcePath, text, "output_dir"));
            ok = false;
        }

        return ok;
    }

    /// <summary>Names the source folder the output folder equals, contains or sits in, if any.</summary>
    internal static string? OverlapsSources(SiteConfig config)
    {
        var output = config.OutputPath.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        (string Name, string Path)[] sources =
        [
            ("the dossier folder", config.RootDirectory), ("content_dir", config.ContentPath),
            ("seeds_dir", config.SeedsPath), ("templates_dir", config.TemplatesPath),
        ];
        foreach (var (name, path) in sources)
        {
            var source = path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            var inside = name != "the dossier folder" && output.StartsWith(source, StringComparison.Ordinal);
            if (source.StartsWith(output, StringComparison.Ordinal) || inside)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The line of a top-level key, for diagnostics about its value.</summary>
    private static SourceLocation KeyLocation(string path, string text, string key) =>
        YamlMessages.KeyLine(text, key) is { } line ? new SourceLocation(path, line, 1) : SourceLocation.InFile(path);
}
