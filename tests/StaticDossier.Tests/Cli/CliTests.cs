using System.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Cli;

/// <summary>The real <c>dossier</c> executable: exit codes and messages.</summary>
public sealed class CliTests
{
    private static (int Code, string Out, string Err) Run(string workingDir, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "dossier.dll");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
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
    public void NoArgumentsIngestsAndBuilds()
    {
        using var dossier = new TempDossier();
        var (code, stdout, stderr) = Run(dossier.Root);
        Assert.True(code == 0, stdout + stderr);
        Assert.Equal(5, Directory.GetFiles(dossier.Content, "*.md").Length);
        Assert.True(File.Exists(Path.Combine(dossier.Site, "index.html")));
    }

    [Fact]
    public void BuildHonoursContentAndOutFolders()
    {
        using var dossier = new TempDossier();
        Assert.Equal(0, Run(dossier.Root, "ingest", "--content", "curated").Code);
        Assert.Equal(5, Directory.GetFiles(dossier.PathOf("curated"), "*.md").Length);
        Assert.Equal(0, Run(dossier.Root, "build", "--content", "curated", "--out", "public").Code);
        Assert.True(File.Exists(dossier.PathOf("public/index.html")));
    }

    [Fact]
    public void BadConfigFailsWithFileLineAndCode()
    {
        using var dossier = new TempDossier();
        File.AppendAllText(dossier.SiteYml, "colour: red\n");
        var lines = File.ReadAllLines(dossier.SiteYml).Length;
        var (code, _, stderr) = Run(dossier.Root, "build");
        Assert.Equal(1, code);
        Assert.Contains($"site.yml({lines},1): error SD0101: Unknown key 'colour'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpDescribesEveryCommand()
    {
        var (code, stdout, _) = Run(RepoPaths.Root, "--help");
        Assert.Equal(0, code);
        Assert.Contains("ingest", stdout, StringComparison.Ordinal);
        Assert.Contains("build", stdout, StringComparison.Ordinal);
        var (buildCode, buildHelp, _) = Run(RepoPaths.Root, "build", "--help");
        Assert.Equal(0, buildCode);
        Assert.Contains("--out", buildHelp, StringComparison.Ordinal);
    }
}
