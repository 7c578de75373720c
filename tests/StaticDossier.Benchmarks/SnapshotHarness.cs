using System.Diagnostics;
using System.Globalization;
using StaticDossier.Archiving;
using StaticDossier.Config;
using StaticDossier.Content;
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
            Copy(Path.Combine(repo, "seeds"), Path.Combine(root, "seeds"));
            var diagnostics = new DiagnosticBag();
            var config = SiteConfigLoader.Load(Path.Combine(root, "site.yml"), diagnostics)!;
            new Ingestor(config).Run(diagnostics);
            AddCopies(config, copies - 1);
            var zipPath = Path.Combine(root, "snapshot.zip");
            var snapshotter = new Snapshotter(config);
            for (var run = 1; run <= runs; run++)
            {
                var clock = Stopwatch.StartNew();
                _ = new SiteBuilder(config).Render(new DiagnosticBag());
                var render = clock.ElapsedMilliseconds;
                clock.Restart();
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
                    $"run {run}: {bag.Payload.Count()} payload files, {bag.Payload.Sum(f => (long)f.Bytes.Length):N0} payload bytes → zip {new FileInfo(zipPath).Length:N0} bytes; render alone {render} ms, snapshot {made} ms, verify {clock.ElapsedMilliseconds} ms"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // Each copy is a seed under a new name and its page with its own slug, recorded as ingest would:
    // copies of the same article would otherwise share a URL.
    private static void AddCopies(SiteConfig config, int copies)
    {
        var manifest = IngestManifest.Load(config.ContentPath);
        var originals = manifest.Entries.ToList();
        for (var c = 1; c <= copies; c++)
        {
            foreach (var (seed, record) in originals)
            {
                var prefix = $"c{c:D4}-";
                var seedCopy = $"seeds/{prefix}{Path.GetFileName(seed)}";
                File.Copy(Path.Combine(config.RootDirectory, seed), Path.Combine(config.RootDirectory, seedCopy));
                var text = File.ReadAllText(Path.Combine(config.ContentPath, record.Content))
                    .Replace($"seed: {seed}\n", $"seed: {seedCopy}\n", StringComparison.Ordinal);
                text = "---\nslug: " + prefix + Path.GetFileNameWithoutExtension(record.Content)[..20] + "\n" + text[4..];
                File.WriteAllText(Path.Combine(config.ContentPath, prefix + record.Content), text);
                manifest.Entries[seedCopy] = record with { Content = prefix + record.Content };
            }
        }

        manifest.Save(config.ContentPath);
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
