using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>Process-level: bad arguments and output folders that must not be replaced are refused before any work,
/// with a coded diagnostic and no stack trace, and nothing of the user's is touched.</summary>
public sealed class CliArgumentTests
{
    public static TheoryData<string[], string> Refused() => new()
    {
        { ["build", "--out", ""], "SD0104" },
        { ["--config", "", "build"], "SD0104" },
        { ["build", "--content", ""], "SD0104" },
        { ["build", "--content", "   "], "SD0104" },
        { ["ingest", "--seeds", ""], "SD0104" },
        { ["ingest", "--content", ""], "SD0104" },
        { ["explain", ""], "SD0104" },
        { ["verify", ""], "SD0104" },
        { ["serve", "--out", ""], "SD0104" },
        { ["serve", "--port", "99999"], "SD0104" },
        { ["serve", "--port", "-1"], "SD0104" },
        { ["build", "--out", "/"], "SD0504" },
        { ["serve", "--out", "/"], "SD0504" },
        { ["snapshot", "--out", "/"], "SD0550" },
        { ["snapshot", "--out", "."], "SD0550" },
        { ["--config", "/dev/zero", "build"], "SD0100" },
        { ["--config", "/dev/null", "ingest"], "SD0100" },
        { ["--config", ".", "build"], "SD0100" },
        { ["build", "--out", "seeds"], "SD0504" },
        { ["build", "--out", "templates/assets"], "SD0504" },
        { ["build", "--out", "templates"], "SD0504" },
        { ["build", "--out", "."], "SD0504" },
        { ["build", "--out", "site.yml"], "SD0504" },
        { ["build", "--out", "thesis"], "SD0504" },
        { ["build", "--out", "thesis/photos"], "SD0504" },
        { ["serve", "--out", "thesis"], "SD0504" },
        { ["snapshot", "--out", "site.yml"], "SD0550" },
        { ["snapshot", "--out", "thesis/thesis.docx"], "SD0550" },
        { ["snapshot", "--out", "thesis/fake.zip"], "SD0550" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void RefusedBeforeAnyWorkWithACodeAndNoStackTrace(string[] args, string code)
    {
        using var dossier = new TempDossier();
        dossier.Write("thesis/thesis.docx", "my thesis");
        dossier.Write("thesis/photos/1.jpg", "a photo");
        // A zip that is no snapshot: an earlier snapshot of ours may be replaced, nothing else.
        using (var zip = System.IO.Compression.ZipFile.Open(dossier.PathOf("thesis/fake.zip"), System.IO.Compression.ZipArchiveMode.Create))
        {
            zip.CreateEntry("bag/bag-info.txt");
        }

        var before = SiteWriterTests.Snapshot(dossier.Root);

        var (exit, stdout, stderr) = DossierProcess.Run(dossier.Root, args);

        Assert.True(exit == 1, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains($"error {code}:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", stdout + stderr, StringComparison.Ordinal);
        // Nothing was ingested, built or overwritten.
        Assert.Equal(before, SiteWriterTests.Snapshot(dossier.Root));
    }

    [Fact]
    public void TheRefusalNamesTheFolder()
    {
        using var dossier = new TempDossier();
        dossier.Write("thesis/thesis.docx", "my thesis");
        var (_, _, stderr) = DossierProcess.Run(dossier.Root, "build", "--out", "thesis");
        Assert.Contains($"{dossier.PathOf("thesis")}: error SD0504: Refusing to replace '{dossier.PathOf("thesis")}'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderABuildWroteIsReplacedAgainAndSoIsAnEmptyOne()
    {
        using var dossier = new TempDossier();
        Directory.CreateDirectory(dossier.PathOf("public"));
        Assert.Equal(0, DossierProcess.Run(dossier.Root, "ingest").Code);
        var first = DossierProcess.Run(dossier.Root, "build", "--out", "public");
        Assert.True(first.Code == 0, first.Out + first.Err);
        Assert.True(File.Exists(dossier.PathOf("public/.dossier-site")));
        dossier.Write("content/extra.md", "---\ntitle: Extra\ndate: 2024-01-01\n---\n\nMore text.\n");
        var second = DossierProcess.Run(dossier.Root, "build", "--out", "public", "--no-cache");
        Assert.True(second.Code == 0, second.Out + second.Err);
        Assert.Contains("written", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AStampThatIsNotOursDoesNotMakeAFolderReplaceable()
    {
        using var dossier = new TempDossier();
        dossier.Write("public/.dossier-site", "anything");
        dossier.Write("public/notes.txt", "mine");
        var (exit, _, stderr) = DossierProcess.Run(dossier.Root, "build", "--out", "public");
        Assert.Equal(1, exit);
        Assert.Contains("SD0504", stderr, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(dossier.PathOf("public/notes.txt")));
    }

    [Fact]
    public void ASnapshotReplacesAnEarlierSnapshotOnly()
    {
        using var dossier = new TempDossier();
        Assert.Equal(0, DossierProcess.Run(dossier.Root).Code);
        var first = DossierProcess.Run(dossier.Root, "snapshot", "--out", "bag.zip");
        Assert.True(first.Code == 0, first.Out + first.Err);
        var again = DossierProcess.Run(dossier.Root, "snapshot", "--out", "bag.zip");
        Assert.True(again.Code == 0, again.Out + again.Err);
        var page = File.ReadAllBytes(dossier.PathOf("_site/index.html"));
        var refused = DossierProcess.Run(dossier.Root, "snapshot", "--out", "_site/index.html");
        Assert.Equal(1, refused.Code);
        Assert.Equal(page, File.ReadAllBytes(dossier.PathOf("_site/index.html")));
    }

    [Fact]
    public void ServeOnAPortInUseSaysSoBeforeBuilding()
    {
        using var dossier = new TempDossier();
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (exit, stdout, stderr) = DossierProcess.Run(dossier.Root, "serve", "--port", port);
            Assert.True(exit == 1, stdout + stderr);
            Assert.Contains($"error SD0520: Cannot listen on 127.0.0.1:{port}", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(dossier.Site));
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public void VerboseAddsTheDetailsOnlyWhenAsked()
    {
        using var dossier = new TempDossier();
        var (_, stdout, stderr) = DossierProcess.Run(dossier.Root, "build", "--out", "", "--verbose");
        Assert.Contains("SD0104", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }
}
