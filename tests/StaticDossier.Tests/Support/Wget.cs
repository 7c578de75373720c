using System.Diagnostics;

namespace StaticDossier.Tests.Support;

/// <summary>Debian's wget, writing a WARC of pages from a <see cref="LoopbackServer"/>: a WARC made by a real tool.</summary>
internal static class Wget
{
    public static bool Installed { get; } = File.Exists("/usr/bin/wget") || File.Exists("/usr/local/bin/wget");

    public static void SkipUnlessInstalled() =>
        Assert.SkipUnless(Installed, "wget is not installed (.ci/run installs it).");

    /// <summary>Fetches <paramref name="urls"/> (127.0.0.1 only) into <c>{folder}/{name}.warc[.gz]</c>; returns its path.</summary>
    public static string Warc(string folder, string name, bool compress, params string[] urls)
    {
        Assert.All(urls, u => Assert.StartsWith("http://127.0.0.1:", u, StringComparison.Ordinal));
        var info = new ProcessStartInfo("wget") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--no-config", "--quiet", "--no-proxy", "--tries=1", "--timeout=10", "-e", "robots=off", "--delete-after",
                     "--directory-prefix", Path.Combine(folder, "wget-files"), $"--warc-file={name}" })
        {
            info.ArgumentList.Add(arg);
        }

        if (!compress)
        {
            info.ArgumentList.Add("--no-warc-compression");
        }

        foreach (var url in urls)
        {
            info.ArgumentList.Add(url);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        // wget exits 8 when a server answered an error (a 404 among the URLs): the WARC is still written.
        Assert.True(process.ExitCode is 0 or 8, $"wget exited {process.ExitCode}: {stderr.Result}");
        var path = Path.Combine(folder, name + (compress ? ".warc.gz" : ".warc"));
        Assert.True(File.Exists(path), $"wget wrote no {path}");
        return path;
    }
}
