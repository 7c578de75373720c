namespace StaticDossier.Ingesting;

/// <summary>Keeps two ingests from writing one content folder at once; only under it may a run take the temporary
/// files it finds in content/ for the leftovers of a killed run. An advisory lock (flock on Unix), so the system
/// releases it when the holder dies, even by <c>kill -9</c>.</summary>
internal static class IngestLock
{
    /// <summary>The lock file's path relative to the content folder; removed when the lock is let go.</summary>
    public const string RelativePath = ".ingest/lock";

    /// <summary>Takes the lock; null when another process holds it.</summary>
    public static IDisposable? TryTake(string contentDir)
    {
        var path = Path.Combine(contentDir, RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }
}
