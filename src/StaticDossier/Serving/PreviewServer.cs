using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StaticDossier.Serving;

/// <summary>A small HTTP/1.1 server for previewing the site on 127.0.0.1 only. GET and HEAD; one request per
/// connection. HTML pages get a reload script injected into the response (never into the built files), which
/// polls <c>/__dossier/version</c> and reloads the page after each rebuild.</summary>
public sealed class PreviewServer : IAsyncDisposable
{
    /// <summary>Where the preview's own endpoints live; no site file is served from there.</summary>
    public const string Prefix = "/__dossier/";

    private const string ReloadScript = """
        (() => {
          let seen = null;
          const poll = async () => {
            try {
              const r = await fetch("/__dossier/version", { cache: "no-store" });
              const v = await r.text();
              if (seen !== null && v !== seen) { location.reload(); return; }
              seen = v;
            } catch (e) { /* the server is restarting: try again */ }
            setTimeout(poll, 500);
          };
          poll();
        })();

        """;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".css"] = "text/css; charset=utf-8", [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json", [".xml"] = "application/xml; charset=utf-8", [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml", [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif", [".webp"] = "image/webp", [".ico"] = "image/x-icon", [".woff2"] = "font/woff2",
    };

    private readonly string _siteRoot;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _version = 1;

    /// <summary>Creates a server for <paramref name="siteRoot"/> on 127.0.0.1:<paramref name="port"/> (0: any free port).</summary>
    public PreviewServer(string siteRoot, int port)
    {
        _siteRoot = Path.GetFullPath(siteRoot);
        _listener = new TcpListener(IPAddress.Loopback, port);
    }

    /// <summary>The address to open, once started.</summary>
    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The number pages poll; it changes after each successful rebuild.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>Starts listening.</summary>
    public void Start()
    {
        _listener.Start();
        _loop = AcceptLoop(_stop.Token);
    }

    /// <summary>Tells open pages to reload.</summary>
    public void NotifyRebuilt() => Interlocked.Increment(ref _version);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task AcceptLoop(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => Serve(client, stop), stop);
        }
    }

    private async Task Serve(TcpClient client, CancellationToken stop)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                var request = await ReadRequestLine(stream, timeout.Token).ConfigureAwait(false);
                var (status, type, body, head) = Respond(request);
                var header = new StringBuilder()
                    .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {Reason(status)}\r\n")
                    .Append(CultureInfo.InvariantCulture, $"Content-Type: {type}\r\n")
                    .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
                    .Append("Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(header.ToString()), timeout.Token).ConfigureAwait(false);
                if (!head)
                {
                    await stream.WriteAsync(body, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The browser went away or the server is stopping: nothing to answer.
            }
        }
    }

    /// <summary>Reads up to the end of the headers; returns the request line.</summary>
    private static async Task<string> ReadRequestLine(NetworkStream stream, CancellationToken cancel)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancel).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0)
            {
                break;
            }
        }

        var text = Encoding.ASCII.GetString(buffer, 0, length);
        var end = text.IndexOf("\r\n", StringComparison.Ordinal);
        return end >= 0 ? text[..end] : text;
    }

    internal (int Status, string Type, byte[] Body, bool Head) Respond(string requestLine)
    {
        var parts = requestLine.Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return Text(400, "Bad request.", false);
        }

        var head = parts[0] == "HEAD";
        if (parts[0] != "GET" && !head)
        {
            return Text(405, "Only GET and HEAD.", head);
        }

        var target = parts[1];
        if (target == Prefix + "version")
        {
            return Text(200, Version.ToString(CultureInfo.InvariantCulture), head);
        }

        if (target == Prefix + "reload.js")
        {
            return (200, ContentTypes[".js"], Encoding.UTF8.GetBytes(ReloadScript), head);
        }

        var file = target.StartsWith(Prefix, StringComparison.Ordinal) ? null : SitePathResolver.Resolve(_siteRoot, target);
        if (file is null)
        {
            return Text(403, "Refused: that path is outside the site.", head);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            return Text(404, "Not found.", head);
        }

        var type = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        return (200, type, type.StartsWith("text/html", StringComparison.Ordinal) ? InjectReload(bytes) : bytes, head);
    }

    /// <summary>Adds the reload script before <c>&lt;/body&gt;</c>, in the response only.</summary>
    internal static byte[] InjectReload(byte[] html)
    {
        const string tag = "<script src=\"/__dossier/reload.js\" defer></script>";
        var text = Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return Encoding.UTF8.GetBytes(at >= 0 ? text.Insert(at, tag) : text + tag);
    }

    private static (int, string, byte[], bool) Text(int status, string message, bool head) =>
        (status, ContentTypes[".txt"], Encoding.UTF8.GetBytes(message + "\n"), head);

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    };
}
