using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StaticDossier.Benchmarks;

/// <summary><c>serve-edit DOSSIER SITE_DIR [rounds] [pause]</c>: starts <c>DOSSIER serve --port 0</c> in <c>SITE_DIR</c> (a corpus's
/// <c>dossier</c> folder) and, as an editor and a browser would, saves one article (its body, then its title, then its
/// tags), waits on the long poll for the new version, and fetches the page. Reports per save the wall time from the save
/// to the version change (the reload) and to the page fetched, the server's CPU time for the rebuild and its own build
/// summary, and the load average. Every edited file is restored before it stops. With <c>pause</c> (ms), each save
/// waits that long after the last reload, as an editor does (default 0: saves back to back).</summary>
internal static partial class ServeEditHarness
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: serve-edit <dossier binary> <site dir> [rounds] [pause ms between saves]");
            return 2;
        }

        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        // An editor's rhythm: this long after a reload before the next save (0: saves back to back, the worst case).
        var pause = TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        var site = Path.GetFullPath(args[1]);
        var start = new ProcessStartInfo(Path.GetFullPath(args[0]), ["serve", "--port", "0"])
        {
            WorkingDirectory = site,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var server = Process.Start(start)!;
        var lines = new System.Collections.Concurrent.BlockingCollection<string>();
        server.OutputDataReceived += (_, e) => { if (e.Data is not null) { lines.Add(e.Data); } };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lines.Add("stderr: " + e.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        string? address = null;
        while (address is null && lines.TryTake(out var line, TimeSpan.FromMinutes(10)))
        {
            Console.WriteLine($"  server: {line}");
            address = Address().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
        }

        if (address is null)
        {
            Console.Error.WriteLine("serve-edit: the server never said where it listens");
            server.Kill();
            return 1;
        }

        Console.WriteLine($"first build and start: {clock.Elapsed.TotalSeconds:F2} s wall, server CPU {Cpu(server):F2} s, load {Load()}");
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        var files = Directory.GetFiles(Path.Combine(site, "content"), "*.md").Where(f => !f.EndsWith("_index.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var originals = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<(string Kind, double Reload, double Page, double Cpu)>();
        try
        {
            for (var round = 0; round < rounds; round++)
            {
                var file = files[(files.Count / 2) + (round * 97 % (files.Count / 2))];
                originals.TryAdd(file, File.ReadAllText(file));
                var url = "articles/" + Path.GetFileNameWithoutExtension(file) + ".html";
                foreach (var kind in new[] { "body", "title", "tags" })
                {
                    var marker = $"Edited{kind}{round}x{Environment.TickCount64 % 100000}";
                    var text = File.ReadAllText(file);
                    var edited = kind switch
                    {
                        "body" => text.TrimEnd() + $"\n\nA new paragraph, {marker}.\n",
                        "title" => TitleLine().Replace(text, $"title: \"{marker} title\"", 1),
                        _ => TagsLine().Replace(text, $"tags: [topic-{round % 50:00}, {marker.ToLowerInvariant()}]", 1),
                    };
                    Thread.Sleep(pause);
                    var version = http.GetStringAsync("__dossier/version").GetAwaiter().GetResult();
                    var cpu = Cpu(server);
                    var saved = Stopwatch.StartNew();
                    File.WriteAllText(file, edited);
                    WaitForChange(http, version);

                    var reload = saved.Elapsed.TotalSeconds;
                    var page = http.GetStringAsync(url).GetAwaiter().GetResult();
                    var fetched = saved.Elapsed.TotalSeconds;
                    var used = Cpu(server) - cpu;
                    var lookFor = kind == "tags" ? marker.ToLowerInvariant() : marker;
                    if (!page.Contains(lookFor, StringComparison.Ordinal))
                    {
                        Console.Error.WriteLine($"serve-edit: {url} does not show the {kind} edit");
                        return 1;
                    }

                    var summary = string.Join(" | ", Drain(lines));
                    Console.WriteLine($"{kind,-6} {Path.GetFileName(file)}: save→reload {reload * 1000:F0} ms, save→page {fetched * 1000:F0} ms, server CPU {used * 1000:F0} ms, load {Load()}  [{summary}]");
                    rows.Add((kind, reload, fetched, used));
                }

                // The version is taken before the put-back: its rebuild may outlast one long poll (20 s) under load, and the
                // next save must not take that rebuild's reload for its own.
                Thread.Sleep(pause);
                var before = http.GetStringAsync("__dossier/version").GetAwaiter().GetResult();
                File.WriteAllText(file, originals[file]);
                WaitForChange(http, before);
            }
        }
        finally
        {
            var before = http.GetStringAsync("__dossier/version").GetAwaiter().GetResult();
            var restored = false;
            foreach (var (file, text) in originals.Where(o => File.ReadAllText(o.Key) != o.Value))
            {
                File.WriteAllText(file, text);
                restored = true;
            }

            if (restored)
            {
                WaitForChange(http, before);
            }

            Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            server.WaitForExit(30_000);
        }

        foreach (var group in rows.GroupBy(r => r.Kind))
        {
            static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
            Console.WriteLine($"median {group.Key,-6}: save→reload {Median(group.Select(r => r.Reload)) * 1000:F0} ms, save→page {Median(group.Select(r => r.Page)) * 1000:F0} ms, server CPU {Median(group.Select(r => r.Cpu)) * 1000:F0} ms ({group.Count()} saves)");
        }

        return 0;
    }

    /// <summary>Waits on the long poll (answered after 20 s with the same version when nothing was built) until the
    /// version is no longer <paramref name="version"/>.</summary>
    private static void WaitForChange(HttpClient http, string version)
    {
        var now = version;
        while (now == version)
        {
            now = http.GetStringAsync($"__dossier/version?wait={version}").GetAwaiter().GetResult();
        }
    }

    private static List<string> Drain(System.Collections.Concurrent.BlockingCollection<string> lines)
    {
        Thread.Sleep(20);
        var all = new List<string>();
        while (lines.TryTake(out var line))
        {
            all.Add(line);
        }

        return all;
    }

    /// <summary>User plus system CPU seconds of the process so far (Linux: /proc/PID/stat, in clock ticks of 1/100 s).</summary>
    private static double Cpu(Process process)
    {
        var fields = File.ReadAllText($"/proc/{process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    [GeneratedRegex(@"previewing at (http://\S+?)/? ")]
    private static partial Regex Address();

    [GeneratedRegex("^title: .*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    [GeneratedRegex("^tags: .*$", RegexOptions.Multiline)]
    private static partial Regex TagsLine();
}
