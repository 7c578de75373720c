using StaticDossier.Rendering;

namespace StaticDossier.Building;

/// <summary>Publishes like <see cref="Publishing.SiteWriter"/> (a staging folder swapped in whole, so a failed write
/// leaves the previous site), but a file whose bytes did not change is hard-linked from the previous site instead
/// of written again: it keeps its time, and a one-page change costs one page of writing. "Did not change" is checked on
/// the bytes themselves: the published file must be as the last build left it (size and time) and hold exactly the
/// new bytes.</summary>
internal static class IncrementalSiteWriter
{
    /// <summary>Publishes <paramref name="files"/> as the whole content of <paramref name="outputDir"/>, with every
    /// guarantee of <see cref="Publishing.SiteWriter"/> (paths checked, sources never replaced, atomic swap);
    /// null when <paramref name="publishIf"/> said no once the site was staged, and the previous site stays.</summary>
    public static WriteResult? Write(string outputDir, IReadOnlyList<OutputFile> files, BuildState? previous, Func<bool>? publishIf = null)
    {
        var full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var canReuse = previous is not null && Directory.Exists(full);
        var records = new OutputRecord[files.Count];
        var linked = 0;
        var published = Publishing.SiteWriter.Write(outputDir, files, (i, target) =>
        {
            var file = files[i];
            var source = Path.Combine(full, file.OutputPath);
            DateTime written;
            if (canReuse && previous!.Outputs.TryGetValue(file.OutputPath, out var before) && before.Length == file.Bytes.Length
                && before.Matches(new FileInfo(source)) && HoldsExactly(source, file.Bytes))
            {
                HardLink.LinkOrCopy(source, target);
                Interlocked.Increment(ref linked);
                written = File.GetLastWriteTimeUtc(target);
            }
            else
            {
                written = IO.NewFile.Write(target, file.Bytes);
            }

            records[i] = new OutputRecord(file.Bytes.Length, written.Ticks);
        }, publishIf);
        if (!published)
        {
            return null;
        }

        var outputs = new Dictionary<string, OutputRecord>(files.Count, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            outputs[files[i].OutputPath] = records[i];
        }

        var removed = previous?.Outputs.Keys.Count(k => !outputs.ContainsKey(k)) ?? 0;
        return new WriteResult(outputs, files.Count - linked, linked, removed);
    }

    /// <summary>Whether the published file at <paramref name="path"/> holds exactly <paramref name="bytes"/>. Compared byte
    /// for byte rather than by a hash kept from the last build: a first build then hashes nothing (a site's worth of
    /// SHA-256), a hand edit that kept the file's size and time is caught, and a later build pays for reading the
    /// published files back (measured a little dearer than hashing the new ones).</summary>
    private static bool HoldsExactly(string path, byte[] bytes)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            using var handle = File.OpenHandle(path);
            if (RandomAccess.GetLength(handle) != bytes.Length)
            {
                return false;
            }

            for (var at = 0; at < bytes.Length;)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, Math.Min(buffer.Length, bytes.Length - at)), at);
                if (read == 0 || !buffer.AsSpan(0, read).SequenceEqual(bytes.AsSpan(at, read)))
                {
                    return false;
                }

                at += read;
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable: written afresh
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>What a write did.</summary>
/// <param name="Outputs">The published files, as recorded for the next build.</param>
/// <param name="Written">Files written afresh.</param>
/// <param name="Unchanged">Files carried over from the previous site untouched.</param>
/// <param name="Removed">Files of the previous site that are gone.</param>
internal sealed record WriteResult(Dictionary<string, OutputRecord> Outputs, int Written, int Unchanged, int Removed);
