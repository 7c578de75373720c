using StaticDossier.IO;

namespace StaticDossier.Tests.IO;

/// <summary>A site folder is deleted with many files at once (the previous site after a swap, a staged site that was
/// not published): everything in it goes, and nothing a link inside it leads to.</summary>
public sealed class FolderDeletionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "folder-deletion-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(3)]
    [InlineData(5000)] // enough files for the workers
    public void DeletesEveryFileAndFolder(int files)
    {
        var site = Path.Combine(_dir, "site");
        for (var i = 0; i < files; i++)
        {
            var folder = Path.Combine(site, $"f{i % 7}", $"g{i % 3}");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"{i}.html"), "page");
        }

        Directory.CreateDirectory(Path.Combine(site, "empty", "deeper"));
        File.WriteAllText(Path.Combine(site, ".hidden"), "stamp");

        FolderDeletion.Delete(site);

        Assert.False(Directory.Exists(site));
        Assert.True(Directory.Exists(_dir));
    }

    [Fact]
    public void AMissingFolderIsNothingToDo()
    {
        FolderDeletion.Delete(Path.Combine(_dir, "never"));
        Assert.False(Directory.Exists(Path.Combine(_dir, "never")));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(500)]
    public void ALinkInsideIsRemovedAndWhatItLeadsToStays(int files)
    {
        var outside = Path.Combine(_dir, "outside");
        Directory.CreateDirectory(Path.Combine(outside, "inner"));
        File.WriteAllText(Path.Combine(outside, "kept.txt"), "keep");
        File.WriteAllText(Path.Combine(outside, "inner", "kept.txt"), "keep");
        var site = Path.Combine(_dir, "site");
        Directory.CreateDirectory(Path.Combine(site, "articles"));
        for (var i = 0; i < files; i++)
        {
            File.WriteAllText(Path.Combine(site, "articles", $"{i}.html"), "page");
        }

        Directory.CreateSymbolicLink(Path.Combine(site, "articles", "to-folder"), outside);
        File.CreateSymbolicLink(Path.Combine(site, "to-file"), Path.Combine(outside, "kept.txt"));

        FolderDeletion.Delete(site);

        Assert.False(Directory.Exists(site));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(outside, "kept.txt")));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(outside, "inner", "kept.txt")));
    }

    [Fact]
    public void AFolderThatIsALinkIsRemovedAsALink()
    {
        var outside = Path.Combine(_dir, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "kept.txt"), "keep");
        var link = Path.Combine(_dir, "site");
        Directory.CreateSymbolicLink(link, outside);

        FolderDeletion.Delete(link);

        Assert.False(Path.Exists(link));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(outside, "kept.txt")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
