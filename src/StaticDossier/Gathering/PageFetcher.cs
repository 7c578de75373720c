using System.Globalization;
using System.Net;
using System.Text;

namespace StaticDossier.Gathering;

/// <summary>A page as fetched.</summary>
/// <param name="Url">The address asked for.</param>
/// <param name="FinalUrl">The address answered from, after redirects.</param>
/// <param name="Redirects">Each redirect followed, as <c>STATUS address-it-came-from</c>.</param>
/// <param name="Status">The final HTTP status (200).</param>
/// <param name="ContentType">The final answer's Content-Type, as sent.</param>
/// <param name="Bytes">The body as received (transfer and content coding undone; never re-encoded).</param>
/// <param name="RetrievedAt">When the answer came (UTC).</param>
internal sealed record FetchedPage(Uri Url, Uri FinalUrl, IReadOnlyList<string> Redirects, int Status, string? ContentType, byte[] Bytes, DateTimeOffset RetrievedAt);

/// <summary>Fetches single pages over HTTP(S) as a polite crawler: a descriptive User-Agent, robots.txt asked first for
/// every host on the way (unless told otherwise), redirects followed one by one and recorded, a time limit and a size
/// cap, and only HTML accepted. Failures come back as a sentence, never as an exception.</summary>
internal sealed class PageFetcher : IDisposable
{
    private readonly CaptureOptions _options;
    private readonly HttpClient _client;
    private readonly Dictionary<string, RobotsRules> _robots = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>A fetcher with its own connection pool.</summary>
    public PageFetcher(CaptureOptions options, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        var handler = new SocketsHttpHandler
        {
            // Each hop is followed by hand, so that it is recorded and robots.txt is asked for its host.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.Timeout < TimeSpan.FromSeconds(15) ? options.Timeout : TimeSpan.FromSeconds(15),
            UseCookies = false,
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        // Not parsed: a base_url with parentheses would not fit the product/comment grammar, and is still honest.
        _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
    }

    /// <summary>Fetches <paramref name="url"/>; the page, or null with a sentence saying why not.</summary>
    public async Task<(FetchedPage? Page, string? Failure)> FetchAsync(Uri url, CancellationToken cancel = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await FetchCoreAsync(url, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return (null, $"no answer within {_options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (timed out)");
        }
        catch (HttpRequestException ex)
        {
            return (null, $"cannot connect: {ex.Message}");
        }
        catch (IOException ex)
        {
            return (null, $"the connection broke: {ex.Message}");
        }
    }

    private async Task<(FetchedPage?, string?)> FetchCoreAsync(Uri url, CancellationToken cancel)
    {
        if (url.Scheme is not ("http" or "https"))
        {
            return (null, $"only http and https addresses can be captured, not '{url.Scheme}:'");
        }

        var redirects = new List<string>();
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (!_options.IgnoreRobots && await RobotsForAsync(current, cancel).ConfigureAwait(false) is var (rules, why) && !rules.Allows(current.PathAndQuery))
            {
                return (null, $"robots.txt of {current.GetLeftPart(UriPartial.Authority)} {why ?? $"disallows {current.PathAndQuery} for {CaptureOptions.RobotsToken}"}; " +
                              "use --ignore-robots only for a page you have the right to keep");
            }

            using var response = await _client.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (hop >= _options.MaxRedirects)
                {
                    return (null, $"more than {_options.MaxRedirects} redirects");
                }

                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (next.Scheme is not ("http" or "https"))
                {
                    return (null, $"redirected ({status}) to '{next.Scheme}:', which is not http(s)");
                }

                redirects.Add($"{status} {current.AbsoluteUri}");
                current = next;
                continue;
            }

            if (status != 200)
            {
                return (null, $"HTTP {status} {response.ReasonPhrase}".TrimEnd() + (redirects.Count > 0 ? $" from {current.AbsoluteUri}" : string.Empty));
            }

            var contentType = response.Content.Headers.ContentType?.ToString();
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && !IsHtml(mediaType))
            {
                return (null, $"not an HTML page: the server says it is {mediaType}; save it another way, or capture the page that shows it");
            }

            if (response.Content.Headers.ContentLength is { } declared && declared > _options.MaxBytes)
            {
                return (null, $"the page is {declared:N0} bytes, over the cap of {_options.MaxBytes:N0}");
            }

            var bytes = await ReadCappedAsync(response.Content, cancel).ConfigureAwait(false);
            if (bytes is null)
            {
                return (null, $"the page is over the cap of {_options.MaxBytes:N0} bytes");
            }

            if (mediaType is null && !LooksLikeHtml(bytes))
            {
                return (null, "not an HTML page: the server gives no Content-Type and the bytes do not start like HTML");
            }

            return (new FetchedPage(url, current, redirects, status, contentType, bytes, _time.GetUtcNow()), null);
        }
    }

    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancel)
    {
        await using var stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var output = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
        {
            output.Write(buffer, 0, read);
            if (output.Length > _options.MaxBytes)
            {
                return null;
            }
        }

        return output.ToArray();
    }

    // One robots.txt per origin and run. RFC 9309: 4xx means no rules; 5xx or no answer means stay away.
    private async Task<(RobotsRules Rules, string? Why)> RobotsForAsync(Uri page, CancellationToken cancel)
    {
        var origin = page.GetLeftPart(UriPartial.Authority);
        if (_robots.TryGetValue(origin, out var known))
        {
            return (known, known == RobotsRules.DisallowAll ? "could not be read, which RFC 9309 takes as 'stay away'" : null);
        }

        var (rules, why) = await ReadRobotsAsync(new Uri(origin + "/robots.txt"), cancel).ConfigureAwait(false);
        _robots[origin] = rules;
        return (rules, why);
    }

    private async Task<(RobotsRules, string?)> ReadRobotsAsync(Uri robots, CancellationToken cancel)
    {
        try
        {
            for (var hop = 0; hop <= 5; hop++)
            {
                using var response = await _client.GetAsync(robots, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    robots = location.IsAbsoluteUri ? location : new Uri(robots, location);
                    continue;
                }

                if (status is >= 400 and < 500)
                {
                    return (RobotsRules.AllowAll, null);
                }

                if (status is >= 200 and < 300)
                {
                    // RFC 9309 asks crawlers to read at least 500 KiB; what follows is ignored.
                    var bytes = await ReadCappedAsync(response.Content, cancel).ConfigureAwait(false) ?? [];
                    var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 512 * 1024));
                    return (RobotsRules.Parse(text, CaptureOptions.RobotsToken), null);
                }

                return (RobotsRules.DisallowAll, $"answered HTTP {status}, which RFC 9309 takes as 'stay away'");
            }

            return (RobotsRules.AllowAll, null); // more than five redirects: RFC 9309 treats it as unavailable (4xx)
        }
        catch (HttpRequestException ex)
        {
            return (RobotsRules.DisallowAll, $"could not be read ({ex.Message}), which RFC 9309 takes as 'stay away'");
        }
    }

    private static bool IsHtml(string mediaType) =>
        mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>HTML sniffing for an answer without a Content-Type: a doctype or html/head/body tag first.</summary>
    internal static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
               || head.StartsWith("<head", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<body", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
