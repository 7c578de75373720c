using StaticDossier.Content;

namespace StaticDossier.Tests.Content;

/// <summary>The manifest reads back what it saved, drops records that name anything but a page in the content folder,
/// and is not written again when it says the same.</summary>
public sealed class IngestManifestTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "manifest-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void ReadsBackWhatItSavedAndDropsNamesOutsideTheContentFolder()
    {
        var manifest = new IngestManifest();
        manifest.Entries["seeds/b.txt"] = new IngestRecord("b.md", "1", "2");
        manifest.Entries["seeds/a.txt"] = new IngestRecord("a.md", "3", "4");
        manifest.Entries["seeds/Việt.txt"] = new IngestRecord("viet.md", "5", "6");
        manifest.Entries["seeds/Việt.txt".Normalize(System.Text.NormalizationForm.FormD)] = new IngestRecord("viet-2.md", "7", "8");
        manifest.Save(_dir);
        var path = Path.Combine(_dir, IngestManifest.RelativePath);
        var text = File.ReadAllText(path);
        Assert.True(text.IndexOf("seeds/a.txt", StringComparison.Ordinal) < text.IndexOf("seeds/b.txt", StringComparison.Ordinal));
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);

        var loaded = IngestManifest.Load(_dir);
        Assert.Equal(manifest.Entries, loaded.Entries);

        File.WriteAllText(path, text.Replace("\"b.md\"", "\"../b.md\"", StringComparison.Ordinal));
        Assert.DoesNotContain("seeds/b.txt", IngestManifest.Load(_dir).Entries.Keys);
        Assert.Equal(3, IngestManifest.Load(_dir).Entries.Count);
    }

    [Fact]
    public void IsNotWrittenAgainWhenItSaysTheSame()
    {
        var manifest = new IngestManifest();
        manifest.Entries["seeds/a.txt"] = new IngestRecord("a.md", "3", "4");
        manifest.Save(_dir);
        var path = Path.Combine(_dir, IngestManifest.RelativePath);
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, old);

        IngestManifest.Load(_dir).Save(_dir);
        Assert.Equal(old, File.GetLastWriteTimeUtc(path));

        manifest.Entries["seeds/b.txt"] = new IngestRecord("b.md", "1", "2");
        manifest.Save(_dir);
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(path));
        Assert.Equal(2, IngestManifest.Load(_dir).Entries.Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
