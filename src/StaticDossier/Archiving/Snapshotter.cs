using System.Globalization;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.IO;
using StaticDossier.Seeds;

namespace StaticDossier.Archiving;

/// <summary>How to make a snapshot.</summary>
public sealed record SnapshotOptions
{
    /// <summary>Bagging-Date to write instead of the one taken from the content (the CLI's <c>--bagging-date</c>).</summary>
    public DateOnly? BaggingDate { get; init; }
}

/// <summary>The dossier → a BagIt bag in memory → a reproducible zip. Thin: render the site, read the sources,
/// describe each article's provenance, bag it all. The same dossier always gives the same bytes.</summary>
public sealed class Snapshotter
{
    private readonly SiteConfig _config;

    /// <summary>Creates a snapshotter for <paramref name="config"/>.</summary>
    public Snapshotter(SiteConfig config) => _config = config;

    /// <summary>Builds the bag; null when errors were reported (nothing is written either way).</summary>
    public Bag? Create(SnapshotOptions options, DiagnosticBag diagnostics)
    {
        var site = new SiteBuilder(_config).Render(diagnostics);
        if (site is null)
        {
            return null;
        }

        var inputs = SnapshotReader.Read(_config, diagnostics);
        if (inputs is null)
        {
            return null;
        }

        var pages = ParsePages(inputs.Content);
        var seeds = ReadSeeds(inputs.Seeds);
        var provenance = new ProvenanceBuilder(_config).Build(new ProvenanceInputs(
            _config,
            inputs,
            pages,
            site.Select(f => f.OutputPath).ToHashSet(StringComparer.Ordinal),
            seeds,
            IngestManifest.Load(_config.ContentPath)));

        var payload = new List<BagFile>();
        payload.AddRange(site.Select(f => new BagFile("site/" + f.OutputPath, f.Bytes)));
        payload.Add(new BagFile(inputs.SiteYml.Path, inputs.SiteYml.Bytes));
        foreach (var folder in new[] { inputs.Seeds, inputs.Content, inputs.Templates })
        {
            payload.AddRange(folder.Files.Select(f => new BagFile(folder.BagFolder + "/" + f.Path, f.Bytes)));
        }

        payload.AddRange(provenance);

        var date = options.BaggingDate ?? NewestDate(pages, seeds.Values);
        var name = BagName(date);
        var info = new BagInfo
        {
            SourceOrganization = _config.Author.Length > 0 ? _config.Author : _config.Title,
            ExternalDescription = _config.Description.Length > 0 ? $"{_config.Title}: {_config.Description}" : _config.Title,
            BaggingDate = date,
            SoftwareAgent = GeneratorInfo.Agent,
            Extra = [new("External-Identifier", name)],
        };
        return BagBuilder.Build(name, payload, info);
    }

    /// <summary>Writes <paramref name="bag"/> as a zip to <paramref name="path"/> atomically: a failure leaves no half archive.</summary>
    public bool Write(Bag bag, string path, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(path);
        foreach (var folder in new[] { _config.SeedsPath, _config.ContentPath, _config.TemplatesPath })
        {
            if (full.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                diagnostics.Error(DiagnosticCodes.SnapshotFailed,
                    $"Not writing the snapshot into '{_config.RelativeToRoot(folder)}': the next snapshot would pack it. Choose another --out.", SourceLocation.InFile(path));
                return false;
            }
        }

        try
        {
            AtomicFile.WriteAllBytes(full, ZipWriter.ToBytes(bag));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.SnapshotFailed, $"Could not write the snapshot: {ex.Message}", SourceLocation.InFile(path));
            return false;
        }
    }

    /// <summary>The bag's name: the title's slug and the Bagging-Date, e.g. <c>viet-nam-russia-and-the-war-in-ukraine-2026-03-05</c>.</summary>
    public string BagName(DateOnly? date) =>
        date is { } d ? $"{Slugger.Slugify(_config.Title)}-{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : Slugger.Slugify(_config.Title);

    /// <summary>The Bagging-Date the content implies: the newest published article date or seed retrieval date.</summary>
    internal static DateOnly? NewestDate(IEnumerable<ContentEntry> pages, IEnumerable<SeedDocument> seeds)
    {
        var articleDates = pages.Where(p => !p.Page.Meta.Draft).Select(p => p.Page.Meta.ParsedDate);
        var retrieved = seeds.Select(s => s.Sidecar?.RetrievedAt is { Length: >= 10 } at &&
            DateOnly.TryParseExact(at[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null);
        return articleDates.Concat(retrieved).Max();
    }

    private List<ContentEntry> ParsePages(InputFolder content)
    {
        // The same pages, by the same rules, as the build read; its diagnostics were already reported.
        var pages = new List<ContentEntry>();
        foreach (var file in content.Files.Where(f => f.Path.EndsWith(".md", StringComparison.Ordinal) && !IsHidden(f.Path)))
        {
            var display = _config.RelativeToRoot(Path.Combine(content.FullPath, file.Path));
            if (ContentPageParser.Parse(display, BagLayout.Utf8.GetString(file.Bytes), new DiagnosticBag()) is { } page)
            {
                pages.Add(new ContentEntry(file, page));
            }
        }

        return pages;
    }

    private Dictionary<string, SeedDocument> ReadSeeds(InputFolder seeds)
    {
        var reader = new SeedReader(_config.RootDirectory);
        var scratch = new DiagnosticBag();
        var documents = new Dictionary<string, SeedDocument>(StringComparer.Ordinal);
        foreach (var file in seeds.Files.Where(f => SeedReader.KindOf(f.Path) is not null))
        {
            if (reader.Read(Path.Combine(seeds.FullPath, file.Path), scratch) is { } seed)
            {
                documents[seed.Path] = seed;
            }
        }

        return documents;
    }

    private static bool IsHidden(string relative) => relative.Split('/').Any(part => part.StartsWith('_') || part.StartsWith('.'));
}
