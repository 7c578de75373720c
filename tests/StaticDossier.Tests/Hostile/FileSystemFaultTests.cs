using System.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>Process-level fault injection: a full disk (a small tmpfs), a read-only content/ (a read-only bind
/// mount) and link loops. Each ends in a coded diagnostic naming the path, never a stack trace, and the previous
/// site stays. Mounting needs root and a kernel that allows it: where it does not, those cases are skipped and say why.</summary>
public sealed class FileSystemFaultTests
{
    [Fact]
    public void ADiskFullDuringBuildIsADiagnosticAndThePreviousSiteStays()
    {
        using var disk = SmallDisk.Mount(4096);
        var root = Dossier(disk.Path);
        Assert.Equal(0, DossierProcess.Run(root).Code);
        var before = SiteWriterTests.Snapshot(Path.Combine(root, "_site"));
        File.WriteAllText(Path.Combine(root, "content", "extra.md"), "---\ntitle: Extra\ndate: 2024-01-01\n---\n\nMore text.\n");
        disk.Fill();

        var (exit, stdout, stderr) = DossierProcess.Run(root, "build", "--no-cache");

        Assert.True(exit == 1, stdout + stderr);
        Assert.Matches(@"error SD0503: .*No space left on device.*'/", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.Equal(before, SiteWriterTests.Snapshot(Path.Combine(root, "_site")));
    }

    [Fact]
    public void ADiskFullDuringIngestIsADiagnostic()
    {
        using var disk = SmallDisk.Mount(1024);
        var root = Dossier(disk.Path);
        disk.Fill();

        var (exit, stdout, stderr) = DossierProcess.Run(root, "ingest");

        Assert.True(exit == 1, stdout + stderr);
        Assert.Matches(@"error SD02\d\d: .*No space left on device", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AReadOnlyContentFolderIsADiagnostic()
    {
        using var dossier = new TempDossier();
        Directory.CreateDirectory(dossier.Content);
        using var readOnly = SmallDisk.ReadOnly(dossier.Content);

        var (exit, stdout, stderr) = DossierProcess.Run(dossier.Root, "ingest");

        Assert.True(exit == 1, stdout + stderr);
        Assert.Matches(@"error SD02\d\d: .*Read-only file system.*content", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("content")]
    [InlineData("templates/assets")]
    public void ALinkLoopIsNeverAStackTrace(string folder)
    {
        using var dossier = new TempDossier();
        Assert.Equal(0, DossierProcess.Run(dossier.Root, "ingest").Code);
        File.CreateSymbolicLink(dossier.PathOf($"{folder}/a"), "b");
        File.CreateSymbolicLink(dossier.PathOf($"{folder}/b"), "a");
        Directory.CreateSymbolicLink(dossier.PathOf($"{folder}/loop"), ".");

        var (exit, stdout, stderr) = DossierProcess.Run(dossier.Root, "build");

        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", stdout + stderr, StringComparison.Ordinal);
        Assert.True(exit == 0 || stderr.Contains(": error SD", StringComparison.Ordinal), stdout + stderr);
    }

    private static string Dossier(string where)
    {
        var root = Path.Combine(where, "dossier");
        Directory.CreateDirectory(root);
        File.Copy(RepoPaths.SiteYml, Path.Combine(root, "site.yml"));
        TempDossier.CopyDir(RepoPaths.Seeds, Path.Combine(root, "seeds"));
        TempDossier.CopyDir(RepoPaths.Templates, Path.Combine(root, "templates"));
        return root;
    }

    /// <summary>A small tmpfs, or a read-only bind mount, unmounted on dispose.</summary>
    private sealed class SmallDisk : IDisposable
    {
        private readonly bool _removeFolder;

        private SmallDisk(string path, bool removeFolder)
        {
            Path = path;
            _removeFolder = removeFolder;
        }

        public string Path { get; }

        public static SmallDisk Mount(int kilobytes)
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dossier-disk-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(path);
            Require(Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path), path);
            return new SmallDisk(path, removeFolder: true);
        }

        public static SmallDisk ReadOnly(string folder)
        {
            Require(Run("mount", "--bind", folder, folder), folder);
            if (!Run("mount", "-o", "remount,bind,ro", folder))
            {
                Run("umount", folder);
                Require(false, folder);
            }

            return new SmallDisk(folder, removeFolder: false);
        }

        /// <summary>Takes all but a few kilobytes of the space left.</summary>
        public void Fill()
        {
            var free = new DriveInfo(Path).AvailableFreeSpace;
            using var stream = File.Create(System.IO.Path.Combine(Path, "fill"));
            stream.SetLength(0);
            var block = new byte[4096];
            for (long written = 0; written < free - (8 << 10); written += block.Length)
            {
                stream.Write(block);
            }
        }

        public void Dispose()
        {
            Run("umount", Path);
            if (_removeFolder)
            {
                try
                {
                    Directory.Delete(Path, recursive: true);
                }
                catch (IOException)
                {
                    // A leftover empty mount point is not worth failing a test over.
                }
            }
        }

        private static void Require(bool mounted, string path)
        {
            if (!mounted)
            {
                Assert.Skip($"Cannot mount at '{path}' (needs root and a kernel that allows mount in this container): fault injection skipped.");
            }
        }

        private static bool Run(string command, params string[] args)
        {
            try
            {
                var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var a in args)
                {
                    info.ArgumentList.Add(a);
                }

                using var process = Process.Start(info)!;
                process.WaitForExit();
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
