using System.Text;
using StaticDossier.IO;

namespace StaticDossier.Tests.IO;

/// <summary>A file with the longest name the file system allows can be written atomically: the temporary sibling's
/// name is fitted within 255 bytes, not built by adding to the target's.</summary>
public sealed class LongFileNameTests
{
    [Theory]
    [InlineData(251, "x")]   // ASCII: 251 + ".yml" = 255 bytes
    [InlineData(83, "ệ")]   // 83 × 3 bytes + ".yml" = 253 bytes
    [InlineData(62, "😀")]  // 62 × 4 bytes (surrogate pairs) + ".yml" = 252 bytes
    public void WritesAFileWhoseNameFillsTheLimit(int count, string unit)
    {
        var dir = Path.Combine(Path.GetTempPath(), "long-names-" + Guid.NewGuid().ToString("N"));
        try
        {
            var name = string.Concat(Enumerable.Repeat(unit, count)) + ".yml";
            Assert.True(Encoding.UTF8.GetByteCount(name) <= FileNames.MaxBytes);
            var temp = AtomicFile.TemporaryName(name);
            Assert.True(Encoding.UTF8.GetByteCount(temp) <= FileNames.MaxBytes, temp);
            Assert.True(AtomicFile.IsTemporary(temp));
            Assert.Equal(temp, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(temp))); // no character split in two

            AtomicFile.WriteAllText(Path.Combine(dir, name), "text");
            Assert.Equal("text", File.ReadAllText(Path.Combine(dir, name)));
            Assert.Equal([name], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void RemovesOnlyItsOwnTemporaryFiles()
    {
        var dir = Path.Combine(Path.GetTempPath(), "temporaries-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, AtomicFile.TemporaryName("page.md")), "half");
            File.WriteAllText(Path.Combine(dir, ".notes.tmp"), "a curator's own file");
            File.WriteAllText(Path.Combine(dir, "page.md"), "page");
            Assert.Equal(1, AtomicFile.RemoveTemporaries(dir));
            Assert.Equal([".notes.tmp", "page.md"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void FitsNamesWithoutSplittingACharacter()
    {
        Assert.Equal("ệệ", FileNames.Truncate("ệệệ", 8));
        Assert.Equal("😀", FileNames.Truncate("😀😀", 7));
        Assert.Equal(".abc.tmp", FileNames.Fit(".", "abcdef", ".tmp", 8));
    }
}
