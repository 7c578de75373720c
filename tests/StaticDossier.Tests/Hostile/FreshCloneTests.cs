using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>The README's first command on a fresh clone leaves every committed file of content/ as it was: nothing
/// the curator owns changed, so nothing committed may (the generator's own build is not the curator's).</summary>
public sealed class FreshCloneTests
{
    [Fact]
    public void TheFirstCommandLeavesTheCommittedContentUnchanged()
    {
        using var dossier = new TempDossier();
        TempDossier.CopyDir(RepoPaths.Content, dossier.Content);
        var before = Snapshot(dossier.Content);

        var (code, stdout, stderr) = DossierProcess.Run(dossier.Root);
        Assert.True(code == 0, stdout + stderr);
        var after = Snapshot(dossier.Content);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, text) in before)
        {
            Assert.True(text == after[file], $"content/{file} changed:\n{after[file]}");
        }

        // And again, now that the ingest cache (outside content/) exists.
        Assert.Equal(0, DossierProcess.Run(dossier.Root).Code);
        Assert.Equal(before, Snapshot(dossier.Content));
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllText, StringComparer.Ordinal);
}
