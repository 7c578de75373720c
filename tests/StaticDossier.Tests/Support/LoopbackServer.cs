using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StaticDossier.Tests.Support;

/// <summary>One canned answer: status, headers and body, sent raw; <see cref="Delay"/> holds it back (a slow server).</summary>
internal sealed record CannedResponse(int Status, byte[] Body, IReadOnlyList<(string Name, string Value)> Headers, TimeSpan Delay = default, bool OmitLength = false)
{
    public static CannedResponse Html(string html, string contentType = "text/html; charset=utf-8") =>
        new(200, Encoding.UTF8.GetBytes(html), [("Content-Type", contentType)]);

    public static CannedResponse Bytes(byte[] body, string? contentType) =>
        new(200, body, contentType is null ? [] : [("Content-Type", contentType)]);

    public static CannedResponse Redirect(int status, string location) =>
        new(status, [], [("Location", location)]);

    public static CannedResponse NotFound { get; } = new(404, "not found"u8.ToArray(), [("Content-Type", "text/plain")]);
}

/// <summary>A tiny HTTP/1.1 server on 127.0.0.1 only (never any other address), answering each request from a table
/// of paths, one connection per request. Tests of capture and of wget's WARCs run against it: no internet.</summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    /// <summary>Answers by path (with query); a path not listed gets 404.</summary>
    public Dictionary<string, CannedResponse> Routes { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request line and its User-Agent, in order.</summary>
    public List<(string Path, string? UserAgent)> Requests { get; } = [];

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHead(stream);
                var lines = head.Split("\r\n");
                var path = lines[0].Split(' ') is { Length: >= 2 } parts ? parts[1] : "/";
                var agent = lines.Skip(1).FirstOrDefault(l => l.StartsWith("User-Agent:", StringComparison.OrdinalIgnoreCase))?[11..].Trim();
                lock (Requests)
                {
                    Requests.Add((path, agent));
                }

                CannedResponse? response;
                lock (Routes)
                {
                    response = Routes.GetValueOrDefault(path);
                }

                response ??= CannedResponse.NotFound;
                if (response.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(response.Delay, _stop.Token);
                }

                var sb = new StringBuilder($"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\n");
                foreach (var (name, value) in response.Headers)
                {
                    sb.Append(name).Append(": ").Append(value).Append("\r\n");
                }

                if (!response.OmitLength)
                {
                    sb.Append("Content-Length: ").Append(response.Body.Length).Append("\r\n");
                }

                sb.Append("Connection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(sb.ToString()), _stop.Token);
                await stream.WriteAsync(response.Body, _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client went away (a timeout or cap test), or the server is stopping.
            }
        }
    }

    private static async Task<string> ReadHead(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString([.. bytes]);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        404 => "Not Found",
        503 => "Service Unavailable",
        _ => "Status",
    };

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }
}
