using System.Security.Cryptography;

namespace StaticDossier.Archiving;

/// <summary>The checksum algorithms a bag's manifests may name, by their RFC 8493 normalised names.</summary>
internal static class ChecksumAlgorithms
{
    /// <summary>What snapshots write: SHA-512 (RFC 8493's default) and SHA-256 (what the rest of the dossier uses).</summary>
    public static readonly IReadOnlyList<string> Written = ["sha256", "sha512"];

    // MD5 and SHA-1 only to verify bags made by older tools, as the RFC asks for backwards compatibility.
    private static readonly Dictionary<string, HashAlgorithmName> Known = new(StringComparer.Ordinal)
    {
        ["md5"] = HashAlgorithmName.MD5,
        ["sha1"] = HashAlgorithmName.SHA1,
        ["sha256"] = HashAlgorithmName.SHA256,
        ["sha384"] = HashAlgorithmName.SHA384,
        ["sha512"] = HashAlgorithmName.SHA512,
    };

    /// <summary>True when <paramref name="algorithm"/> can be checked.</summary>
    public static bool IsKnown(string algorithm) => Known.ContainsKey(algorithm);

    /// <summary>Length in hex digits of an <paramref name="algorithm"/> checksum.</summary>
    public static int HexLength(string algorithm) => algorithm switch
    {
        "md5" => 32,
        "sha1" => 40,
        "sha256" => 64,
        "sha384" => 96,
        _ => 128,
    };

    /// <summary>Lower-case hex checksum of <paramref name="bytes"/>.</summary>
    public static string Hash(string algorithm, ReadOnlySpan<byte> bytes)
    {
        using var hash = IncrementalHash.CreateHash(Known[algorithm]);
        hash.AppendData(bytes);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Reads <paramref name="stream"/> once, computing every checksum in <paramref name="algorithms"/>.</summary>
    /// <returns>Checksums by algorithm (lower-case hex), and the number of bytes read.</returns>
    public static (Dictionary<string, string> Checksums, long Length) HashAll(Stream stream, IReadOnlyCollection<string> algorithms)
    {
        var hashes = algorithms.ToDictionary(a => a, a => IncrementalHash.CreateHash(Known[a]), StringComparer.Ordinal);
        try
        {
            var buffer = new byte[81920];
            long length = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                length += read;
                foreach (var hash in hashes.Values)
                {
                    hash.AppendData(buffer, 0, read);
                }
            }

            return (hashes.ToDictionary(h => h.Key, h => Convert.ToHexStringLower(h.Value.GetHashAndReset()), StringComparer.Ordinal), length);
        }
        finally
        {
            foreach (var hash in hashes.Values)
            {
                hash.Dispose();
            }
        }
    }
}
