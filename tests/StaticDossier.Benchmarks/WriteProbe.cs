using System.Diagnostics;

namespace StaticDossier.Benchmarks;

/// <summary><c>writes [n]</c>: the cost of writing n small files in different ways (the publish step's floor).</summary>
internal static class WriteProbe
{
    public static int Run(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var bytes = new byte[6600];
        Random.Shared.NextBytes(bytes);
        foreach (var way in new[] { "WriteAllBytes", "OpenHandle", "WriteAllBytes", "OpenHandle" })
        {
            var dir = Path.Combine(Path.GetTempPath(), $"write-probe-{Environment.ProcessId}");
            Directory.CreateDirectory(dir);
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            Parallel.For(0, n, i =>
            {
                var path = Path.Combine(dir, $"f{i}.html");
                if (way == "WriteAllBytes")
                {
                    File.WriteAllBytes(path, bytes);
                }
                else
                {
                    using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, bytes.Length);
                    RandomAccess.Write(handle, bytes, 0);
                }
            });
            Console.WriteLine($"{way,-14} {clock.ElapsedMilliseconds,6} ms wall {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,6:0} ms CPU");
            Directory.Delete(dir, true);
        }

        return 0;
    }
}
