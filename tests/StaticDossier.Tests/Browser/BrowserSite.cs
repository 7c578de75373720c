using Microsoft.Playwright;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Browser;

/// <summary>The real seeds built into a temporary folder and a headless Debian Chromium to read it from
/// file://. Never a downloaded browser: without /usr/bin/chromium every browser test reports skipped.</summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempDossier _dossier = new();
    private IPlaywright? _playwright;

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    public IBrowser? Browser { get; private set; }

    public string Site => _dossier.Site;

    /// <summary>The same site built with <c>language: vi</c>.</summary>
    public string VietnameseSite => _dossier.PathOf("_site_vi");

    /// <summary>Article titles by seed number ("000" …), read from the content the build used.</summary>
    public Dictionary<string, string> TitleBySeed { get; } = new(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        if (!ChromiumInstalled)
        {
            return;
        }

        var diagnostics = Dossier.IngestAndBuild(_dossier);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        // The same dossier with the Vietnamese interface, beside it.
        var vietnamese = Dossier.Config(_dossier) with { Language = "vi", OutputDir = "_site_vi" };
        Assert.True(new SiteBuilder(vietnamese).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        foreach (var path in Directory.GetFiles(_dossier.Content, "*.md"))
        {
            var meta = ContentPageParser.Parse(path, File.ReadAllText(path), new DiagnosticBag())!.Meta;
            TitleBySeed[Path.GetFileName(meta.Seed!)[..3]] = meta.Title;
        }

        // CI machines are small and shared; allow slow pages rather than flaky failures.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public string UrlOf(string relative) => new Uri(Path.Combine(Site, relative)).AbsoluteUri;

    public string VietnameseUrlOf(string relative) => new Uri(Path.Combine(VietnameseSite, relative)).AbsoluteUri;

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _dossier.Dispose();
    }
}

/// <summary>Browser test classes share one build and one Chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}
