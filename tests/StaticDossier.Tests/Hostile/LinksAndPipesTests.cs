using System.Diagnostics;
using StaticDossier.Archiving;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>Only regular files inside the dossier are read as seeds or pages: a pipe never blocks, a link to a device
/// is never read, a link out of the dossier is refused by ingest, build and snapshot alike, and a loop of links ends.
/// Each case runs the real <c>dossier</c> process with a time limit, since a hang is the failure.</summary>
public sealed class LinksAndPipesTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private const string Page = "---\ntitle: A page\n---\n\nSome text of the page.\n";

    [Fact]
    public void APipeAsASeedIsRefusedWithoutBlocking()
    {
        using var dossier = new TempDossier(withSeeds: false);
        MakeFifo(dossier.PathOf("seeds/pipe.txt"));
        var (code, _, err) = Run(dossier, "ingest");
        Assert.Equal(1, code);
        Assert.Contains("seeds/pipe.txt: error SD0201: Cannot read seed: 'pipe.txt' is a named pipe (FIFO), not a regular file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptySeedIsCalledEmptyNotAPipe()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("seeds/empty.txt", "");
        var (code, _, err) = Run(dossier, "ingest");
        Assert.Equal(1, code);
        Assert.Contains("seeds/empty.txt: error SD0201: Seed is empty (0 bytes).", err, StringComparison.Ordinal);
        Assert.DoesNotContain("pipe", err, StringComparison.Ordinal);
    }

    [Fact]
    public void APipeGivenAsSiteYmlIsNamedAsOne()
    {
        using var dossier = new TempDossier(withSeeds: false);
        MakeFifo(dossier.PathOf("pipe.yml"));
        var (code, _, err) = Run(dossier, "build", "--config", dossier.PathOf("pipe.yml"));
        Assert.Equal(1, code);
        Assert.Contains("error SD0100: '" + dossier.PathOf("pipe.yml") + "' is a named pipe (FIFO), not a site.yml file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void APipeAsAContentPageIsRefusedWithoutBlocking()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/page.md", Page);
        MakeFifo(dossier.PathOf("content/pipe.md"));
        dossier.Write("content/empty.md", "");
        var (code, _, err) = Run(dossier, "build");
        Assert.Equal(1, code);
        Assert.Contains("content/pipe.md: error SD0304: Cannot read content page: 'pipe.md' is a named pipe (FIFO)", err, StringComparison.Ordinal);
        Assert.Contains("content/empty.md: error SD0301: Content page is empty.", err, StringComparison.Ordinal);
    }

    [Fact]
    public void APipeBesideTheSeedsDoesNotBlockASnapshot()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/page.md", Page);
        MakeFifo(dossier.PathOf("seeds/notes"));
        var (code, output, err) = Run(dossier, "snapshot", "--out", dossier.PathOf("out.zip"));
        Assert.True(code == 0, err);
        Assert.Contains("seeds/notes: warning SD0220: Not packed into the snapshot: it is a named pipe (FIFO)", output + err, StringComparison.Ordinal);
        using var zip = System.IO.Compression.ZipFile.OpenRead(dossier.PathOf("out.zip"));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith("/notes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("seeds/zero.txt", "ingest", "SD0220")]
    [InlineData("content/zero.md", "build", "SD0320")]
    public void ALinkToADeviceIsRefusedUnread(string link, string command, string code)
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/page.md", Page);
        File.CreateSymbolicLink(dossier.PathOf(link), "/dev/zero");
        var (exit, _, err) = Run(dossier, command);
        Assert.Equal(1, exit);
        Assert.Contains($"{link}: error {code}:", err, StringComparison.Ordinal);
        Assert.Contains("outside the dossier", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ASeedLinkedFromOutsideTheDossierIsRefusedByIngestAndSnapshot()
    {
        using var outside = new TempDossier(withSeeds: false, withTemplates: false);
        outside.Write("private.txt", "Private notes\n\nThese are not part of the dossier and must never be published anywhere at all.\n");
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("seeds/inside.txt", "Inside\n\nA seed that is really part of the dossier, with a paragraph long enough to be kept.\n");
        File.CreateSymbolicLink(dossier.PathOf("seeds/linked.txt"), outside.PathOf("private.txt"));
        // A link that stays inside the dossier is an ordinary seed.
        dossier.Write("archive/kept.txt", "Kept elsewhere\n\nA seed kept in another folder of the dossier and linked in, long enough to be kept.\n");
        File.CreateSymbolicLink(dossier.PathOf("seeds/kept.txt"), dossier.PathOf("archive/kept.txt"));

        var diagnostics = new DiagnosticBag();
        var config = Dossier.Config(dossier);
        new Ingestor(config).Run(diagnostics);
        var refused = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.SeedRefused, refused.Code);
        Assert.Equal("seeds/linked.txt", refused.Location.Path);
        Assert.Equal(2, Directory.GetFiles(dossier.Content, "*.md").Length);
        Assert.DoesNotContain(Directory.GetFiles(dossier.Content, "*.md"), f => File.ReadAllText(f).Contains("Private notes", StringComparison.Ordinal));

        var snapshot = new DiagnosticBag();
        Assert.Null(new Snapshotter(config).Create(new SnapshotOptions(), snapshot));
        Assert.Contains(snapshot, d => d.Code == DiagnosticCodes.SeedRefused && d.Location.Path == "seeds/linked.txt");
        var (code, _, err) = Run(dossier, "snapshot", "--out", dossier.PathOf("out.zip"));
        Assert.Equal(1, code);
        Assert.Contains("seeds/linked.txt: error SD0220", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AContentPageLinkedFromOutsideIsRefusedByBuild()
    {
        using var outside = new TempDossier(withSeeds: false, withTemplates: false);
        outside.Write("page.md", "---\ntitle: Not ours\n---\n\nText from outside.\n");
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/page.md", Page);
        File.CreateSymbolicLink(dossier.PathOf("content/linked.md"), outside.PathOf("page.md"));
        Directory.CreateSymbolicLink(dossier.PathOf("content/folder"), outside.Root);

        var diagnostics = new DiagnosticBag();
        var pages = new ContentPageReader(dossier.Root).ReadAll(dossier.Content, diagnostics);
        Assert.Equal("content/page.md", Assert.Single(pages).Path);
        Assert.Equal(["content/folder", "content/linked.md"], diagnostics.Where(d => d.Code == DiagnosticCodes.ContentRefused).Select(d => d.Location.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LoopsOfLinksUnderContentEnd()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/page.md", Page);
        Directory.CreateSymbolicLink(dossier.PathOf("content/again"), dossier.Content);
        File.CreateSymbolicLink(dossier.PathOf("content/a.md"), dossier.PathOf("content/b.md"));
        File.CreateSymbolicLink(dossier.PathOf("content/b.md"), dossier.PathOf("content/a.md"));
        var (code, _, err) = Run(dossier, "build");
        Assert.Equal(1, code);
        Assert.Contains("content/a.md: error SD0320", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.DoesNotContain("content/again", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileOverItsCapIsNotRead()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        var path = dossier.PathOf("seeds/large.txt");
        File.WriteAllText(path, "x");
        var bytes = StaticDossier.IO.DossierFiles.Read(path, 0, out var size);
        Assert.Null(bytes);
        Assert.Equal(1, size);
        using (var stream = File.OpenWrite(path))
        {
            stream.SetLength(SeedReader.MaxSeedBytes);
        }

        Assert.Null(StaticDossier.IO.DossierFiles.Read(path, SeedReader.MaxSeedBytes - 1, out _));
    }

    private static (int Code, string Out, string Err) Run(TempDossier dossier, params string[] args)
    {
        using var process = Process.Start(DossierProcess.StartInfo(dossier.Root, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dossier {string.Join(' ', args)} did not finish in {Limit.TotalSeconds} s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.True(mkfifo.ExitCode == 0, "mkfifo failed");
    }
}
