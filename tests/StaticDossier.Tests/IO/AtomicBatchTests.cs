using StaticDossier.IO;

namespace StaticDossier.Tests.IO;

/// <summary>A batch of files is written as each would be alone: whole or not at all, and no file is replaced before
/// every file's bytes are written (a failure part-way leaves the old files and no temporaries).</summary>
public sealed class AtomicBatchTests : IDisposable
{
    private static readonly ParallelOptions FourWorkers = new() { MaxDegreeOfParallelism = 4 };
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "atomic-batch-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void ReplacesEveryFileAndLeavesNoTemporary()
    {
        var files = Enumerable.Range(0, 40).Select(i => (Path: Path.Combine(_dir, i % 2 == 0 ? "a" : "b", $"{i}.md"), Text: $"page {i} ệ\n")).ToList();
        Directory.CreateDirectory(Path.Combine(_dir, "a"));
        File.WriteAllText(Path.Combine(_dir, "a", "0.md"), "old");

        using (var batch = new AtomicBatch())
        {
            var places = files.Select(f => batch.Add(f.Path)).ToList();
            Parallel.For(0, files.Count, FourWorkers, i => batch.Write(places[i], files[i].Text));
            batch.Commit(FourWorkers);
        }

        foreach (var (path, text) in files)
        {
            Assert.Equal(text, File.ReadAllText(path));
        }

        Assert.Equal(40, Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void ReplacesNothingUntilCommittedAndNothingWhenDisposedFirst()
    {
        Directory.CreateDirectory(_dir);
        var paths = Enumerable.Range(0, 40).Select(i => Path.Combine(_dir, $"{i}.md")).ToList();
        foreach (var path in paths)
        {
            File.WriteAllText(path, "old");
        }

        // A run that fails part way: 39 files written to their temporaries, the 40th never, no commit.
        using (var batch = new AtomicBatch())
        {
            var places = paths.Select(batch.Add).ToList();
            for (var i = 0; i < 39; i++)
            {
                batch.Write(places[i], $"new {i}");
            }

            Assert.All(paths, p => Assert.Equal("old", File.ReadAllText(p)));
            Assert.Equal(80 - 1, Directory.GetFiles(_dir, "*", new EnumerationOptions { AttributesToSkip = 0 }).Length);
        }

        Assert.All(paths, p => Assert.Equal("old", File.ReadAllText(p)));
        Assert.Equal(40, Directory.GetFiles(_dir, "*", new EnumerationOptions { AttributesToSkip = 0 }).Length);
    }

    [Fact]
    public void ACommitWithAFileNeverWrittenReplacesNothing()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "a.md");
        File.WriteAllText(path, "old");
        using (var batch = new AtomicBatch())
        {
            batch.Write(batch.Add(path), "new");
            batch.Add(Path.Combine(_dir, "b.md"));
            Assert.Throws<InvalidOperationException>(() => batch.Commit(FourWorkers));
        }

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir, "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
