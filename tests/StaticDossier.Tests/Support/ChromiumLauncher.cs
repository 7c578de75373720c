using Microsoft.Playwright;

namespace StaticDossier.Tests.Support;

/// <summary>Starts Debian's Chromium through Playwright, never a downloaded browser. Tests that need it
/// report SKIPPED (not passed) when <c>/usr/bin/chromium</c> is missing; .ci/run installs it when it can.</summary>
internal static class ChromiumLauncher
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    /// <summary>Skips the calling test when Chromium is not installed.</summary>
    public static void SkipUnlessInstalled() =>
        Assert.SkipUnless(File.Exists(ExecutablePath), $"{ExecutablePath} is not installed (apt-get install chromium).");

    /// <summary>Playwright plus a headless Chromium; dispose both (browser first).</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        SkipUnlessInstalled();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Args,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
