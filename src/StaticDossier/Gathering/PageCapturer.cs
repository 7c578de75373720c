using System.Globalization;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;

namespace StaticDossier.Gathering;

/// <summary>One address to capture and where it was named (the command line, or a line of a --from file).</summary>
/// <param name="Text">The address as written.</param>
/// <param name="Location">Where it was written, for messages.</param>
public sealed record CaptureRequest(string Text, SourceLocation Location);

/// <summary>What became of one address.</summary>
/// <param name="Request">The address.</param>
/// <param name="Seed">The seed written, or the seed that already held the same bytes; null on failure.</param>
/// <param name="Created">True when a new seed was written.</param>
/// <param name="Failure">Why it failed, or null.</param>
public sealed record CaptureOutcome(CaptureRequest Request, string? Seed, bool Created, string? Failure);

/// <summary>Captures pages into <c>seeds/</c>, one after the other (a curator's handful, politely): fetch, then save
/// as a seed with its provenance sidecar. A failed page is reported and the rest go on.</summary>
public sealed class PageCapturer
{
    private readonly CaptureOptions _options;
    private readonly string _seedsFolder;
    private readonly string _root;

    /// <summary>A capturer writing seeds to <paramref name="seedsFolder"/>, naming them relative to <paramref name="root"/>.</summary>
    public PageCapturer(CaptureOptions options, string seedsFolder, string root)
    {
        _options = options;
        _seedsFolder = seedsFolder;
        _root = root;
    }

    /// <summary>Called after each address with (its index from 1, how many, the outcome).</summary>
    public Action<int, int, CaptureOutcome>? Progress { get; init; }

    /// <summary>Captures every request; each failure is also an error in <paramref name="diagnostics"/>.</summary>
    public async Task<IReadOnlyList<CaptureOutcome>> CaptureAsync(IReadOnlyList<CaptureRequest> requests, DiagnosticBag diagnostics, CancellationToken cancel = default)
    {
        using var fetcher = new PageFetcher(_options);
        var store = new SeedStore(_seedsFolder, _root, $"dossier capture ({_options.UserAgent.Split(' ')[0]})");
        var outcomes = new List<CaptureOutcome>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var outcome = await CaptureOneAsync(fetcher, store, request, cancel).ConfigureAwait(false);
            if (outcome.Failure is { } failure)
            {
                diagnostics.Error(DiagnosticCodes.CaptureFailed, $"Cannot capture {Quoted(request.Text)}: {failure}.", request.Location);
            }
            else if (!outcome.Created)
            {
                diagnostics.Info(DiagnosticCodes.CaptureUnchanged, $"{Quoted(request.Text)} is unchanged: '{outcome.Seed}' already holds these bytes.", request.Location);
            }

            outcomes.Add(outcome);
            Progress?.Invoke(i + 1, requests.Count, outcome);
        }

        return outcomes;
    }

    private static async Task<CaptureOutcome> CaptureOneAsync(PageFetcher fetcher, SeedStore store, CaptureRequest request, CancellationToken cancel)
    {
        if (!Uri.TryCreate(request.Text.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            return new CaptureOutcome(request, null, false, "not an absolute http(s) address");
        }

        var (page, failure) = await fetcher.FetchAsync(url, cancel).ConfigureAwait(false);
        if (page is null)
        {
            return new CaptureOutcome(request, null, false, failure);
        }

        var sidecar = new SeedMetadata
        {
            Url = page.Url.AbsoluteUri,
            FinalUrl = page.FinalUrl.AbsoluteUri,
            Redirects = page.Redirects.Count > 0 ? [.. page.Redirects] : null,
            RetrievedAt = page.RetrievedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            HttpStatus = page.Status,
            ContentType = page.ContentType,
        };
        try
        {
            var saved = store.Save(SeedNaming.BaseName(page.FinalUrl), page.Bytes, sidecar);
            return new CaptureOutcome(request, saved.Path, saved.Created, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new CaptureOutcome(request, null, false, $"cannot write the seed: {ex.Message}");
        }
    }

    private static string Quoted(string text) => $"'{(text.Length > 200 ? text[..200] + "…" : text)}'";
}
