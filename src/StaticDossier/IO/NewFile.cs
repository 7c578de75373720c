namespace StaticDossier.IO;

/// <summary>Writes a file that must not exist yet (a fresh staging folder), with as few system calls as the
/// platform allows: create, write, stat, close. File.WriteAllBytes also truncates, seeks and locks, which
/// for the ten thousand pages of a large site cost more than the writing.</summary>
internal static class NewFile
{
    /// <summary>Creates <paramref name="path"/> holding <paramref name="bytes"/>; returns its last-write time (UTC).</summary>
    /// <exception cref="IOException">The file already exists or cannot be written.</exception>
    public static DateTime Write(string path, byte[] bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        RandomAccess.Write(handle, bytes, 0);
        return File.GetLastWriteTimeUtc(handle);
    }
}
