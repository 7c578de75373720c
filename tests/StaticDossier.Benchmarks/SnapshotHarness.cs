using System.Diagnostics;
using System.Globalization;
using StaticDossier.Archiving;
using StaticDossier.Config;
using StaticDossier.Diagnostics;

namespace StaticDossier.Benchmarks;

/// <summary>Times <c>dossier snapshot</c> and <c>dossier verify</c> on the repository's seeds, optionally copied
/// N times to stand for a bigger dossier. Usage: <c>snapshot [copies=1] [runs=5]</c>. Target: the five real seeds
/// snapshot in well under a second once warm.</summary>
internal static class SnapshotHarness
{
    public static int Run(string[] args)
    {
        var copies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var repo = FindRepo();
        var root = Path.Combine(Path.GetTempPath(), "dossier-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            Copy(Path.Combine(repo, "templates"), Path.Combine(root, "templates"));
            File.Copy(Path.Combine(repo, "site.yml"), Path.Combine(root, "site.yml"));
            Directory.CreateDirectory(Path.Combine(root, "seeds"));
            for (var c = 0; c < copies; c++)
            {
                foreach (var seed in Directory.GetFiles(Path.Combine(repo, "seeds")))
                {
                    var name = copies == 1 ? Path.GetFileName(seed) : $"{c:D4}-{Path.GetFileName(seed)}";
                    File.Copy(seed, Path.Combine(root, "seeds", name));
                }
            }

            var diagnostics = new DiagnosticBag();
            var config = SiteConfigLoader.Load(Path.Combine(root, "site.yml"), diagnostics)!;
            new Ingestor(config).Run(diagnostics);
            var zipPath = Path.Combine(root, "snapshot.zip");
            var snapshotter = new Snapshotter(config);
            for (var run = 1; run <= runs; run++)
            {
                var clock = Stopwatch.StartNew();
                var bag = snapshotter.Create(new SnapshotOptions(), diagnostics);
                if (bag is null || !snapshotter.Write(bag, zipPath, diagnostics))
                {
                    Console.Error.WriteLine(string.Join('\n', diagnostics));
                    return 1;
                }

                var made = clock.ElapsedMilliseconds;
                clock.Restart();
                using (var source = BagReader.Open(zipPath, diagnostics)!)
                {
                    var result = BagVerifier.Verify(source, diagnostics);
                    if (!result.IsValid)
                    {
                        Console.Error.WriteLine(string.Join('\n', diagnostics));
                        return 1;
                    }
                }

                Console.WriteLine(FormattableString.Invariant(
                    $"run {run}: {bag.Payload.Count()} payload files, {bag.Payload.Sum(f => (long)f.Bytes.Length):N0} payload bytes → zip {new FileInfo(zipPath).Length:N0} bytes; snapshot {made} ms, verify {clock.ElapsedMilliseconds} ms"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StaticDossier.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root.");
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
