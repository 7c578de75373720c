using StaticDossier.Rendering;

namespace StaticDossier.Publishing;

/// <summary>Writes the finished site to a temporary sibling folder, then swaps it in: a failed or
/// interrupted build leaves the previous site as it was.</summary>
public static class SiteWriter
{
    /// <summary>Publishes <paramref name="files"/> as the whole content of <paramref name="outputDir"/>.</summary>
    public static void Write(string outputDir, IReadOnlyList<OutputFile> files)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{name}.staging-{Environment.ProcessId}");
        var previous = Path.Combine(parent, $".{name}.previous-{Environment.ProcessId}");
        DeleteIfExists(staging);
        try
        {
            foreach (var file in files)
            {
                var target = Path.GetFullPath(Path.Combine(staging, file.OutputPath));
                if (!target.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Refusing to write '{file.OutputPath}' outside the output folder.");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, file.Bytes);
            }

            if (Directory.Exists(full))
            {
                Directory.Move(full, previous);
            }

            Directory.Move(staging, full);
            DeleteIfExists(previous);
        }
        catch
        {
            DeleteIfExists(staging);
            if (!Directory.Exists(full) && Directory.Exists(previous))
            {
                Directory.Move(previous, full);
            }

            throw;
        }
    }

    private static void DeleteIfExists(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
