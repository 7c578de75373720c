using System.Security.Cryptography;
using System.Text;
using StaticDossier.Content;

namespace StaticDossier.Gathering;

/// <summary>Names a seed after the address it came from: readable, file-safe (a slug, never a path), and apart for two
/// addresses that slug alike. No I/O.</summary>
internal static class SeedNaming
{
    /// <summary>e.g. <c>vnexpress-net-the-gioi-nga-ukraine-4455_1f2e3d4c</c> for <c>https://vnexpress.net/the-gioi/nga-ukraine-4455</c>:
    /// host and path as a slug, then the first 8 hex digits of the address's SHA-256.</summary>
    public static string BaseName(Uri url)
    {
        var host = url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;
        var slug = Slugger.Slugify($"{host} {Uri.UnescapeDataString(url.AbsolutePath)} {Uri.UnescapeDataString(url.Query)}", 60);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.GetLeftPart(UriPartial.Query))))[..8];
        return $"{slug}_{hash}";
    }

    /// <summary>The <paramref name="attempt"/>th name tried for a page (1: the base name; then <c>-2</c>, <c>-3</c>, …),
    /// so a page captured again lands beside the first capture.</summary>
    public static string Candidate(string baseName, int attempt) => attempt <= 1 ? baseName : $"{baseName}-{attempt}";
}
