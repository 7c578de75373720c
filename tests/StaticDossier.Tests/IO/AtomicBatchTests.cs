using StaticDossier.IO;

namespace StaticDossier.Tests.IO;

/// <summary>A batch of files is written as each would be alone: whole or not at all, and no file is replaced before
/// every file's bytes are written (a failure part-way leaves the old files and no temporaries).</summary>
public sealed class AtomicBatchTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "atomic-batch-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void ReplacesEveryFileAndLeavesNoTemporary()
    {
        var files = Enumerable.Range(0, 40)
            .Select(i => (Path.Combine(_dir, i % 2 == 0 ? "a" : "b", $"{i}.md"), (Func<string>)(() => $"page {i} ệ\n"))).ToList();
        Directory.CreateDirectory(Path.Combine(_dir, "a"));
        File.WriteAllText(Path.Combine(_dir, "a", "0.md"), "old");

        AtomicBatch.WriteAll(files, new ParallelOptions { MaxDegreeOfParallelism = 4 });

        foreach (var (path, text) in files)
        {
            Assert.Equal(text(), File.ReadAllText(path));
        }

        Assert.Equal(40, Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void AFailedWriteReplacesNothingAndLeavesNoTemporary()
    {
        Directory.CreateDirectory(_dir);
        var files = Enumerable.Range(0, 40).Select(i => (Path.Combine(_dir, $"{i}.md"), (Func<string>)(() =>
            i == 39 ? throw new IOException("disk full") : $"new {i}"))).ToList();
        foreach (var (path, _) in files)
        {
            File.WriteAllText(path, "old");
        }

        // One worker, in order: the 39 files before the failing one are written first.
        Assert.ThrowsAny<Exception>(() => AtomicBatch.WriteAll(files, new ParallelOptions { MaxDegreeOfParallelism = 1 }));

        Assert.All(files, f => Assert.Equal("old", File.ReadAllText(f.Item1)));
        Assert.Equal(40, Directory.GetFiles(_dir).Length);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
