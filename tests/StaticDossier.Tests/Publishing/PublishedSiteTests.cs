using System.Text;
using StaticDossier.Building;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Publishing;

/// <summary>serve writes in place only the files whose bytes changed, and looks on disk only at the files something
/// touched since the last build (a watch on the output folder says which): a file changed, deleted or moved away by hand
/// is still written again by the next build, even one whose size and time were put back as they were.</summary>
public sealed class PublishedSiteTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dossier-published-" + Guid.NewGuid().ToString("N"));

    private string Site => Path.Combine(_root, "_site");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    [Fact]
    public void HandChangesToThePublishedFilesAreUndoneByTheNextUpdate()
    {
        OutputFile[] files = [Page("a.html", "alpha"), Page("b.html", "beta"), Page("e.html", "epsilon"), Page("sub/c.html", "gamma"), Page("sub/d.html", "delta")];
        using var site = Publish(files);

        // The same size and the same time as published: only the watch tells this file apart.
        var a = Path.Combine(Site, "a.html");
        var time = File.GetLastWriteTimeUtc(a);
        File.WriteAllText(a, "ALPHA");
        File.SetLastWriteTimeUtc(a, time);
        File.Delete(Path.Combine(Site, "b.html"));
        File.SetLastWriteTimeUtc(Path.Combine(Site, "e.html"), time.AddHours(1));
        Directory.Delete(Path.Combine(Site, "sub"), recursive: true);

        var result = site.Update(files);
        AssertOnDisk(files);
        Assert.Equal(5, result.Written);

        // The files that build wrote are looked at once more (their own events), then nothing is.
        Assert.Equal(0, site.Update(files).Written);
        Assert.Equal(5, site.Looked);
        Assert.Equal(0, site.Update(files).Written);
        Assert.Equal(0, site.Looked);
    }

    /// <summary>A folder moved out of the site reports only itself: every file under it is looked at. (.NET's watch on
    /// Linux was seen to fall silent when a marker follows such a move within milliseconds: the update then finds that
    /// the marker never came, starts a new watch and looks at every file.)</summary>
    [Fact]
    public void AFolderMovedOutOfTheSiteIsWrittenAgain()
    {
        OutputFile[] files = [Page("a.html", "alpha"), Page("sub/c.html", "gamma"), Page("sub/deep/d.html", "delta")];
        using var site = Publish(files);

        Directory.Move(Path.Combine(Site, "sub"), Path.Combine(_root, "sub-moved"));
        Assert.Equal(2, site.Update(files).Written);
        AssertOnDisk(files);

        File.AppendAllText(Path.Combine(Site, "a.html"), "!");
        Assert.Equal(1, site.Update(files).Written);
        AssertOnDisk(files);
    }

    [Fact]
    public void AnUpdateLooksOnlyAtTheFilesItOrAHandTouched()
    {
        var files = Enumerable.Range(0, 200).Select(i => Page($"p/{i}.html", $"page {i}")).ToArray();
        using var site = Publish(files);

        files[7] = Page("p/7.html", "page seven, edited");
        Assert.Equal(1, site.Update(files).Written);
        Assert.Equal(0, site.Looked);

        File.AppendAllText(Path.Combine(Site, "p", "150.html"), " by hand");
        files[9] = Page("p/9.html", "page nine, edited");
        Assert.Equal(2, site.Update(files).Written);
        Assert.Equal(2, site.Looked); // 7, written by the last update, and 150
        AssertOnDisk(files);
    }

    /// <summary>A build writing more files than the watch should see stops it meanwhile and looks at every other file
    /// after starting a new one; a hand edit after it is seen by the new watch.</summary>
    [Fact]
    public void ManyWritesRestartTheWatchAndHandEditsAfterThemAreStillSeen()
    {
        var files = Enumerable.Range(0, 1200).Select(i => Page($"p/{i}.html", $"page {i}")).ToArray();
        using var site = Publish(files);

        files = [.. files.Select((f, i) => i < 1100 ? Page(f.OutputPath, $"PAGE {i}") : f)];
        Assert.Equal(1100, site.Update(files).Written);
        Assert.Equal(100, site.Looked);
        AssertOnDisk(files);

        var edited = Path.Combine(Site, "p", "1150.html");
        var time = File.GetLastWriteTimeUtc(edited);
        File.WriteAllText(edited, "PAGE 1150");
        File.SetLastWriteTimeUtc(edited, time);
        Assert.Equal(1, site.Update(files).Written);
        AssertOnDisk(files);
    }

    /// <summary>Through serve's builder: an article saved and, by hand, a page of the site changed (its size and time put
    /// back) and the tags' folder deleted; the next build leaves the site a full build's, byte for byte.</summary>
    [Fact]
    public void AServeBuildUndoesHandEditsToTheSite()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a1.md", "---\ntitle: \"One\"\ndate: 2024-01-01\ntags: [trade]\n---\n\nFirst text.\n");
        dossier.Write("content/a2.md", "---\ntitle: \"Two\"\ndate: 2024-01-02\ntags: [energy]\n---\n\nSecond text.\n");
        var live = new LiveBuild();
        var config = Dossier.Config(dossier);
        BuildSummary Serve() => new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(new DiagnosticBag());
        Assert.True(Serve().Succeeded);

        var page = Path.Combine(dossier.Site, "articles", "a2.html");
        var time = File.GetLastWriteTimeUtc(page);
        var bytes = File.ReadAllBytes(page);
        bytes[^2] ^= 0x20;
        File.WriteAllBytes(page, bytes);
        File.SetLastWriteTimeUtc(page, time);
        Directory.Delete(Path.Combine(dossier.Site, "tags"), recursive: true);
        dossier.Write("content/a1.md", "---\ntitle: \"One\"\ndate: 2024-01-01\ntags: [trade]\n---\n\nFirst text, edited.\n");

        Assert.True(Serve().Succeeded);
        Assert.True(new SiteBuilder(config with { OutputDir = "_full" }).Build(new DiagnosticBag()).Succeeded);
        var served = Tree(dossier.Site);
        var full = Tree(dossier.PathOf("_full"));
        Assert.Equal(full.Keys, served.Keys);
        Assert.All(full, f => Assert.True(f.Value.AsSpan().SequenceEqual(served[f.Key]), $"{f.Key} differs"));
    }

    /// <summary>Builds in path order (as serve's are) adding, removing and changing files, some refused before writing (a
    /// broken link), some after a hand edit: after each the folder holds exactly the files of the last update that wrote,
    /// and its records name exactly those paths.</summary>
    [Fact]
    public void RandomUpdatesInPathOrderLeaveTheFolderAsTheirFiles()
    {
        var random = new Random(5);
        var site = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++)
        {
            site[$"{(char)('a' + random.Next(4))}/{random.Next(60):00}.html"] = $"page {random.Next(1000)}";
        }

        OutputFile[] Files() => [.. site.Select(p => Page(p.Key, p.Value))];
        var published = Files();
        using var updated = Publish(published);
        var refused = 0;
        for (var step = 0; step < 60; step++)
        {
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var paths = site.Keys.ToList();
                var path = paths[random.Next(paths.Count)];
                switch (random.Next(4))
                {
                    case 0:
                        site[$"{(char)('a' + random.Next(5))}/{random.Next(60):00}.html"] = $"new page {step}";
                        break;
                    case 1 when site.Count > 5:
                        site.Remove(path);
                        break;
                    case 2:
                        // By hand, its size and time as they were.
                        var onDisk = Path.Combine(Site, path);
                        var time = File.GetLastWriteTimeUtc(onDisk);
                        var bytes = File.ReadAllBytes(onDisk);
                        bytes[0] ^= 0x20;
                        File.WriteAllBytes(onDisk, bytes);
                        File.SetLastWriteTimeUtc(onDisk, time);
                        break;
                    default:
                        site[path] = $"page {step} {random.Next(1000)}";
                        break;
                }
            }

            var files = Files();
            if (random.Next(4) == 0)
            {
                Assert.Null(updated.Update(files, () => false));
                refused++;
                if (random.Next(2) == 0)
                {
                    continue;
                }
            }

            var result = updated.Update(files, () => true)!;
            AssertOnDisk(files);
            Assert.Equal(files.Select(f => f.OutputPath), Tree(Site).Keys.Where(k => !k.StartsWith('.')));
            Assert.Equal(files.Select(f => f.OutputPath).Order(StringComparer.Ordinal), result.Outputs.Keys.Order(StringComparer.Ordinal));
            published = files;
        }

        Assert.True(refused > 10, $"{refused} refused");
    }

    /// <summary>A new path that differs from a published one only in case is refused, as a whole site's would be.</summary>
    [Fact]
    public void ANewPathLikeAnotherButForCaseIsRefused()
    {
        OutputFile[] files = [Page("a/one.html", "1"), Page("b/two.html", "2")];
        using var site = Publish(files);
        Assert.Equal(0, site.Update(files).Written);
        var error = Assert.Throws<InvalidOperationException>(() => site.Update([Page("A/one.html", "1"), .. files]));
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    private PublishedSite Publish(OutputFile[] files)
    {
        var written = SiteWriter.Write(Site, files)!;
        return PublishedSite.Of(Site, files, written.Outputs);
    }

    private void AssertOnDisk(OutputFile[] files) =>
        Assert.All(files, f => Assert.Equal(Encoding.UTF8.GetString(f.Bytes), File.ReadAllText(Path.Combine(Site, f.OutputPath))));

    private static OutputFile Page(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));

    private static SortedDictionary<string, byte[]> Tree(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
}
