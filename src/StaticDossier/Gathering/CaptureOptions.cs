using StaticDossier.Seeds;

namespace StaticDossier.Gathering;

/// <summary>How <c>dossier capture</c> fetches pages.</summary>
public sealed record CaptureOptions
{
    /// <summary>The name robots.txt rules are looked up under.</summary>
    public const string RobotsToken = "StaticDossier";

    /// <summary>Sent with every request: who fetches, and where to find the dossier it is for.</summary>
    public string UserAgent { get; init; } = $"{RobotsToken}/{Archiving.GeneratorInfo.Version.Split('+')[0]} (news dossier capture; fetches single pages a curator chose)";

    /// <summary>Longest wait for one page, redirects and robots.txt included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest page accepted, in bytes (after decompression): the largest seed ingest reads.</summary>
    public long MaxBytes { get; init; } = SeedReader.MaxSeedBytes;

    /// <summary>Most redirects followed for one page.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>Fetch even what robots.txt disallows (for pages the curator has the right to keep).</summary>
    public bool IgnoreRobots { get; init; }

    /// <summary>The options with a user agent naming the dossier's address, so a site's operator can find who fetched.</summary>
    public CaptureOptions ForDossier(string baseUrl) => string.IsNullOrWhiteSpace(baseUrl) || baseUrl.Any(c => char.IsControl(c) || c > '~')
        ? this
        : this with { UserAgent = UserAgent.Replace("(news dossier capture;", $"(+{baseUrl.Trim()}; news dossier capture;", StringComparison.Ordinal) };
}
