using System.Text;
using StaticDossier.Archiving;
using StaticDossier.Diagnostics;

namespace StaticDossier.Tests.Archiving;

/// <summary>Verification of the real seeds' snapshot, damaged in memory one way at a time.</summary>
public sealed class BagVerifierTests(SnapshotFixture snapshot) : IClassFixture<SnapshotFixture>
{
    private static (BagVerification Result, List<Diagnostic> Errors) Verify(Dictionary<string, byte[]> files)
    {
        var diagnostics = new DiagnosticBag();
        using var source = new MemoryBagSource("bag", files);
        var result = BagVerifier.Verify(source, diagnostics);
        return (result, diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
    }

    private static void Flip(Dictionary<string, byte[]> files, string path)
    {
        var bytes = files[path];
        bytes[bytes.Length / 2] ^= 0xFF;
    }

    [Fact]
    public void AFreshSnapshotIsValid()
    {
        var (result, errors) = Verify(snapshot.CopyFiles());
        Assert.Empty(errors);
        Assert.True(result.IsValid);
        Assert.Equal(snapshot.Bag.Payload.Count(), result.PayloadFiles);
        Assert.Equal(["sha256", "sha512"], result.Algorithms);
    }

    [Fact]
    public void CatchesAByteFlippedInEveryPayloadFile()
    {
        var payload = snapshot.Bag.Payload.Select(f => f.Path).ToList();
        Assert.True(payload.Count >= 25, $"only {payload.Count} payload files");
        foreach (var path in payload)
        {
            var files = snapshot.CopyFiles();
            Flip(files, path);
            var (result, errors) = Verify(files);
            Assert.False(result.IsValid, path);
            var error = Assert.Single(errors);
            Assert.Equal(DiagnosticCodes.BagFileAltered, error.Code);
            Assert.Equal("bag/" + path, error.Location.Path);
            Assert.Contains("sha256 and sha512", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CatchesAByteFlippedInEveryTagFile()
    {
        foreach (var path in snapshot.Bag.Files.Select(f => f.Path).Where(p => !p.StartsWith("data/", StringComparison.Ordinal)))
        {
            var files = snapshot.CopyFiles();
            Flip(files, path);
            var (result, errors) = Verify(files);
            Assert.False(result.IsValid, path);
            Assert.NotEmpty(errors);
        }
    }

    [Fact]
    public void ReportsAMissingPayloadFileByName()
    {
        var files = snapshot.CopyFiles();
        Assert.True(files.Remove("data/site/index.html"));
        var (result, errors) = Verify(files);
        Assert.False(result.IsValid);
        var missing = Assert.Single(errors, e => e.Code == DiagnosticCodes.BagFileMissing);
        Assert.Equal("bag/data/site/index.html", missing.Location.Path);
        Assert.Contains("manifest-sha256.txt and manifest-sha512.txt", missing.Message, StringComparison.Ordinal);
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.BagInfoInvalid && e.Message.Contains("Payload-Oxum", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAnExtraPayloadFileByName()
    {
        var files = snapshot.CopyFiles();
        files["data/site/smuggled.html"] = "<script>alert(1)</script>"u8.ToArray();
        var (_, errors) = Verify(files);
        var extra = Assert.Single(errors, e => e.Code == DiagnosticCodes.BagFileExtra);
        Assert.Equal("bag/data/site/smuggled.html", extra.Location.Path);
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.BagInfoInvalid);
    }

    [Fact]
    public void ReportsAnExtraTagFileByName()
    {
        var files = snapshot.CopyFiles();
        files["notes.txt"] = "added later"u8.ToArray();
        var (_, errors) = Verify(files);
        var extra = Assert.Single(errors);
        Assert.Equal(DiagnosticCodes.BagFileExtra, extra.Code);
        Assert.Equal("bag/notes.txt", extra.Location.Path);
    }

    [Fact]
    public void ReportsAMissingTagFile()
    {
        var files = snapshot.CopyFiles();
        files.Remove("bag-info.txt");
        var (_, errors) = Verify(files);
        var missing = Assert.Single(errors);
        Assert.Equal(DiagnosticCodes.BagFileMissing, missing.Code);
        Assert.Equal("bag/bag-info.txt", missing.Location.Path);
    }

    [Theory]
    [InlineData("tagmanifest-sha256.txt")]
    [InlineData("tagmanifest-sha512.txt")]
    [InlineData("manifest-sha256.txt")]
    public void ReportsAMissingManifestByName(string name)
    {
        var files = snapshot.CopyFiles();
        files.Remove(name);
        var (_, errors) = Verify(files);
        var missing = Assert.Single(errors);
        Assert.Equal(DiagnosticCodes.BagFileMissing, missing.Code);
        Assert.Equal("bag/" + name, missing.Location.Path);
    }

    [Fact]
    public void WarnsWhenNoTagManifestProtectsTheTagFiles()
    {
        var diagnostics = new DiagnosticBag();
        using var source = new MemoryBagSource("bag", WithoutTagManifests(snapshot.CopyFiles()));
        Assert.True(BagVerifier.Verify(source, diagnostics).IsValid);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public void ReportsEachOfSeveralProblemsOnce()
    {
        var files = snapshot.CopyFiles();
        Flip(files, "data/site.yml");
        Flip(files, "data/content/many-vietnamese-civil-society-groups-support-ukraine.md");
        files.Remove("data/seeds/000_bf9e1a07d91f4169.txt");
        var (result, errors) = Verify(files);
        Assert.Equal(
            ["bag/bag-info.txt", "bag/data/content/many-vietnamese-civil-society-groups-support-ukraine.md", "bag/data/seeds/000_bf9e1a07d91f4169.txt", "bag/data/site.yml"],
            errors.Select(e => e.Location.Path).Order(StringComparer.Ordinal));
        Assert.Equal(4, result.Problems);
    }

    [Fact]
    public void RequiresTheBagDeclaration()
    {
        var files = snapshot.CopyFiles();
        files.Remove("bagit.txt");
        files.Remove("tagmanifest-sha256.txt");
        files.Remove("tagmanifest-sha512.txt");
        var (_, errors) = Verify(files);
        var error = Assert.Single(errors);
        Assert.Equal(DiagnosticCodes.BagDeclarationInvalid, error.Code);
    }

    [Theory]
    [InlineData("\uFEFFBagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")]
    [InlineData("BagIt-Version: 1.0\n")]
    [InlineData("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\nExtra: line\n")]
    [InlineData("BagIt-Version 1.0\nTag-File-Character-Encoding: UTF-8\n")]
    [InlineData("BagIt-Version: 1.0\nTag-File-Character-Encoding: ISO-8859-1\n")]
    public void RejectsAMalformedBagDeclaration(string declaration)
    {
        var files = WithoutTagManifests(snapshot.CopyFiles());
        files["bagit.txt"] = Encoding.UTF8.GetBytes(declaration);
        var (_, errors) = Verify(files);
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.BagDeclarationInvalid);
    }

    [Fact]
    public void AcceptsCrLfLineEndsAndUpperCaseChecksums()
    {
        var files = WithoutTagManifests(snapshot.CopyFiles());
        files["bagit.txt"] = "BagIt-Version: 1.0\r\nTag-File-Character-Encoding: UTF-8\r\n"u8.ToArray();
        var lines = ManifestText(files, "manifest-sha256.txt").TrimEnd('\n').Split('\n')
            .Select(l => l[..64].ToUpperInvariant() + l[64..]);
        files["manifest-sha256.txt"] = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
        var (result, errors) = Verify(files);
        Assert.Empty(errors);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void ReportsAWrongPayloadOxum()
    {
        var files = WithoutTagManifests(snapshot.CopyFiles());
        var info = Encoding.UTF8.GetString(files["bag-info.txt"]);
        var oxum = info.Split('\n').Single(l => l.StartsWith("Payload-Oxum: ", StringComparison.Ordinal));
        files["bag-info.txt"] = Encoding.UTF8.GetBytes(info.Replace(oxum, "Payload-Oxum: 1.1", StringComparison.Ordinal));
        var (_, errors) = Verify(files);
        var error = Assert.Single(errors);
        Assert.Equal(DiagnosticCodes.BagInfoInvalid, error.Code);
        var octets = snapshot.Bag.Payload.Sum(f => (long)f.Bytes.Length);
        Assert.EndsWith($"the payload has {octets} bytes in {snapshot.Bag.Payload.Count()} files.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data/../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("data/site/../../bagit.txt")]
    [InlineData("bag-info.txt")]
    public void RefusesManifestPathsOutsideThePayload(string path)
    {
        var files = WithoutTagManifests(snapshot.CopyFiles());
        var text = ManifestText(files, "manifest-sha256.txt") + new string('0', 64) + "  " + path + "\n";
        files["manifest-sha256.txt"] = Encoding.UTF8.GetBytes(text);
        var (_, errors) = Verify(files);
        var error = Assert.Single(errors);
        Assert.Equal(DiagnosticCodes.BagManifestInvalid, error.Code);
        Assert.Equal("bag/manifest-sha256.txt", error.Location.Path);
        Assert.Equal(text.Count(c => c == '\n'), error.Location.Line);
    }

    [Fact]
    public void ReportsAMalformedManifestLineWithItsLineNumber()
    {
        var files = WithoutTagManifests(snapshot.CopyFiles());
        var lines = ManifestText(files, "manifest-sha512.txt").Split('\n');
        lines[2] = lines[2][10..];
        files["manifest-sha512.txt"] = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        var (_, errors) = Verify(files);
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.BagManifestInvalid && e.Location == new SourceLocation("bag/manifest-sha512.txt", 3, 1));
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.BagFileExtra);
    }

    [Fact]
    public void RequiresAPayloadManifest()
    {
        var files = WithoutTagManifests(snapshot.CopyFiles());
        files.Remove("manifest-sha256.txt");
        files.Remove("manifest-sha512.txt");
        var (_, errors) = Verify(files);
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.BagManifestInvalid);
    }

    private static string ManifestText(Dictionary<string, byte[]> files, string name) => Encoding.UTF8.GetString(files[name]);

    // Lets a test edit a tag file without also tripping the tag manifests' checksums.
    private static Dictionary<string, byte[]> WithoutTagManifests(Dictionary<string, byte[]> files)
    {
        files.Remove("tagmanifest-sha256.txt");
        files.Remove("tagmanifest-sha512.txt");
        return files;
    }
}
