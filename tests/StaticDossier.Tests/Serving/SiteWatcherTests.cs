using StaticDossier.Serving;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Serving;

public sealed class SiteWatcherTests
{
    /// <summary>A save made after the watcher was made but before it was started (while the first build runs) is
    /// reported once it starts, with its full path; nothing is reported before.</summary>
    [Fact]
    public async Task ReportsTheSavedPathsIncludingThoseSavedBeforeItStarted()
    {
        using var dossier = new TempDossier(withSeeds: false);
        Directory.CreateDirectory(dossier.Content);
        var reports = new List<IReadOnlyCollection<string>?>();
        using var watcher = new SiteWatcher([dossier.Content], [dossier.SiteYml], TimeSpan.FromMilliseconds(50), paths => { lock (reports) { reports.Add(paths); } });
        dossier.Write("content/early.md", "early");
        await Task.Delay(400, TestContext.Current.CancellationToken);
        lock (reports)
        {
            Assert.Empty(reports);
        }

        watcher.Start();
        var paths = await Next(reports, 0);
        Assert.Contains(Path.GetFullPath(dossier.PathOf("content/early.md")), paths!);

        File.AppendAllText(dossier.SiteYml, "\n");
        paths = await Next(reports, 1);
        Assert.Equal([Path.GetFullPath(dossier.SiteYml)], paths!);
    }

    private static async Task<IReadOnlyCollection<string>?> Next(List<IReadOnlyCollection<string>?> reports, int index)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            lock (reports)
            {
                if (reports.Count > index)
                {
                    return reports[index];
                }
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Fail("The watcher reported nothing within 20 s.");
        return null;
    }
}
