using System.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Archiving;

/// <summary>The real <c>dossier snapshot</c> and <c>dossier verify</c>: files written, exit codes, messages.</summary>
public sealed class SnapshotCliTests
{
    private static (int Code, string Out, string Err) Run(string workingDir, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dossier.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    [Fact]
    public void SnapshotThenVerifySucceedsAndAnAlteredCopyFails()
    {
        using var dossier = new TempDossier();
        Assert.Equal(0, Run(dossier.Root, "ingest").Code);

        var (code, stdout, stderr) = Run(dossier.Root, "snapshot", "--out", "archive/dossier.zip");
        Assert.True(code == 0, stdout + stderr);
        var zip = dossier.PathOf("archive/dossier.zip");
        Assert.Equal(new[] { zip }, Directory.GetFiles(dossier.PathOf("archive")));

        (code, stdout, stderr) = Run(dossier.Root, "verify", "archive/dossier.zip");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("valid bag", stdout, StringComparison.Ordinal);

        System.IO.Compression.ZipFile.ExtractToDirectory(zip, dossier.PathOf("unpacked"));
        var bag = Directory.GetDirectories(dossier.PathOf("unpacked")).Single();
        File.AppendAllText(Path.Combine(bag, "data", "content", "many-vietnamese-civil-society-groups-support-ukraine.md"), "\nA forged line.\n");
        (code, _, stderr) = Run(dossier.Root, "verify", "unpacked");
        Assert.Equal(1, code);
        Assert.Contains("data/content/many-vietnamese-civil-society-groups-support-ukraine.md: error SD0555: Altered", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultArchiveIsNamedAfterTheBagAndTheDateComesFromTheContent()
    {
        using var dossier = new TempDossier();
        Assert.Equal(0, Run(dossier.Root, "ingest").Code);
        var (code, stdout, stderr) = Run(dossier.Root, "snapshot");
        Assert.True(code == 0, stdout + stderr);
        var zip = Assert.Single(Directory.GetFiles(dossier.Root, "*.zip"));
        Assert.Equal("viet-nam-russia-and-the-war-in-ukraine-2026-03-05.zip", Path.GetFileName(zip));
    }

    [Fact]
    public void BadInputsFailWithTheFileNamed()
    {
        using var dossier = new TempDossier();
        File.WriteAllText(dossier.PathOf("broken.zip"), "PK but not really");
        var (code, _, stderr) = Run(dossier.Root, "verify", "broken.zip");
        Assert.Equal(1, code);
        Assert.Contains("broken.zip: error SD0551:", stderr, StringComparison.Ordinal);

        (code, _, stderr) = Run(dossier.Root, "snapshot", "--bagging-date", "yesterday");
        Assert.Equal(1, code);
        Assert.Contains("--bagging-date 'yesterday'", stderr, StringComparison.Ordinal);
        Assert.Equal(new[] { dossier.PathOf("broken.zip") }, Directory.GetFiles(dossier.Root, "*.zip"));
    }
}
