using System.Security.Cryptography;

namespace StaticDossier.Warc;

/// <summary>Checks a <c>WARC-Payload-Digest</c> (<c>algorithm:value</c>, the value in base32 as most tools write it,
/// or in hex) against bytes.</summary>
internal static class PayloadDigest
{
    /// <summary>True or false when the digest could be checked; null when its algorithm or form is unknown.</summary>
    public static bool? Matches(string digest, ReadOnlySpan<byte> bytes)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var algorithm = digest[..colon].Trim().ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal);
        var value = digest[(colon + 1)..].Trim();
        // SHA-1 and MD5 here check that bytes arrived intact, as the archive's writer chose; nothing relies on
        // them resisting forgery.
#pragma warning disable CA5350, CA5351
        byte[]? hash = algorithm switch
        {
            "sha1" => SHA1.HashData(bytes),
            "sha256" => SHA256.HashData(bytes),
            "sha512" => SHA512.HashData(bytes),
            "md5" => MD5.HashData(bytes),
            _ => null,
        };
#pragma warning restore CA5350, CA5351
        if (hash is null)
        {
            return null;
        }

        if (value.Length == hash.Length * 2 && value.All(char.IsAsciiHexDigit))
        {
            return value.Equals(Convert.ToHexString(hash), StringComparison.OrdinalIgnoreCase);
        }

        return Base32(value) is { } expected ? expected.AsSpan().SequenceEqual(hash) : null;
    }

    /// <summary>RFC 4648 base32 (A-Z, 2-7, optional '=' padding, any case); null when <paramref name="text"/> is not that.</summary>
    public static byte[]? Base32(string text)
    {
        text = text.TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var v = c is >= 'A' and <= 'Z' ? c - 'A' : c is >= '2' and <= '7' ? c - '2' + 26 : -1;
            if (v < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }
}
