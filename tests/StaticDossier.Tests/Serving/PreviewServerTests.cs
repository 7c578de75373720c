using System.Net.Sockets;
using System.Text;
using StaticDossier.Serving;

namespace StaticDossier.Tests.Serving;

public sealed class PreviewServerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dossier-serve-" + Guid.NewGuid().ToString("N"));

    public PreviewServerTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "_site", "articles"));
        File.WriteAllText(Path.Combine(_root, "secret.txt"), "TOP SECRET");
        File.WriteAllText(Path.Combine(_root, "_site", "index.html"), "<!DOCTYPE html><html><body><p>home</p></body></html>");
        File.WriteAllText(Path.Combine(_root, "_site", "articles", "a.html"), "<html><body>article a</body></html>");
        File.WriteAllText(Path.Combine(_root, "_site", "style.css"), "body { color: black }");
    }

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/%2E%2E/secret.txt")]
    [InlineData("/articles/../../secret.txt")]
    [InlineData("/articles/%2e%2e/%2e%2e/secret.txt")]
    [InlineData("/..%2fsecret.txt")]
    [InlineData("/..%5csecret.txt")]
    [InlineData("/articles/..\\..\\secret.txt")]
    [InlineData("/%2e%2e%2fsecret.txt")]
    [InlineData("/a.html%00.css")]
    [InlineData("secret.txt")]
    public async Task RefusesPathsOutsideTheSite(string target)
    {
        await using var server = Start();
        var response = await RawGet(server, target);
        // Refused by the preview (403), or already by Kestrel as a malformed request (400, 405).
        Assert.Matches("^HTTP/1.1 40[035] ", response);
        Assert.DoesNotContain("TOP SECRET", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    [InlineData("localhost.evil.example")]
    [InlineData("10.0.0.1:{port}")]
    [InlineData("[::1]:{port}")]
    public async Task AnswersNoOtherHostThanLoopbackNames(string host)
    {
        // DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 sends its own name as Host.
        await using var server = Start();
        var response = await Raw(server, $"GET /index.html HTTP/1.1\r\nHost: {host.Replace("{port}", server.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 403 ", response, StringComparison.Ordinal);
        Assert.DoesNotContain("home", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("127.0.0.1")]
    [InlineData("localhost:{port}")]
    [InlineData("LocalHost")]
    public async Task AnswersTheLoopbackNames(string host)
    {
        await using var server = Start();
        var response = await Raw(server, $"GET /index.html HTTP/1.1\r\nHost: {host.Replace("{port}", server.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 ", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestWithoutHostIsRefused()
    {
        await using var server = Start();
        var response = await Raw(server, "GET /index.html HTTP/1.0\r\n\r\n");
        Assert.Matches("^HTTP/1.1 40[03] ", response);
    }

    [Fact]
    public async Task ALinkInsideTheSiteThatLeadsOutOfItIsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "_site", "leak.txt"), Path.Combine(_root, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "_site", "up"), _root);
        File.CreateSymbolicLink(Path.Combine(_root, "_site", "alias.css"), Path.Combine(_root, "_site", "style.css"));
        await using var server = Start();

        foreach (var target in new[] { "/leak.txt", "/up/secret.txt", "/up/_site/leak.txt" })
        {
            var response = await RawGet(server, target);
            Assert.StartsWith("HTTP/1.1 403 ", response, StringComparison.Ordinal);
            Assert.DoesNotContain("TOP SECRET", response, StringComparison.Ordinal);
        }

        // A link that stays inside the site is served.
        Assert.StartsWith("HTTP/1.1 200 ", await RawGet(server, "/alias.css"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APortInUseIsAnIOExceptionNotACrash()
    {
        await using var first = Start();
        await using var second = new PreviewServer(Path.Combine(_root, "_site"), first.Address.Port);
        Assert.ThrowsAny<IOException>(second.Start);
    }

    [Fact]
    public async Task DoubleEncodingStaysLiteral()
    {
        await using var server = Start();
        var response = await RawGet(server, "/%252e%252e/secret.txt");
        Assert.StartsWith("HTTP/1.1 404 ", response, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP SECRET", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServesPagesWithTheReloadScriptInTheResponseOnly()
    {
        await using var server = Start();
        var page = await RawGet(server, "/articles/a.html?x=1");
        Assert.StartsWith("HTTP/1.1 200 ", page, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/html; charset=utf-8", page, StringComparison.Ordinal);
        Assert.Contains("article a<script src=\"/__dossier/reload.js\" defer></script></body>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("reload.js", File.ReadAllText(Path.Combine(_root, "_site", "articles", "a.html")), StringComparison.Ordinal);

        var home = await RawGet(server, "/");
        Assert.Contains("<p>home</p>", home, StringComparison.Ordinal);

        var css = await RawGet(server, "/style.css");
        Assert.Contains("Content-Type: text/css", css, StringComparison.Ordinal);
        Assert.DoesNotContain("reload.js", css, StringComparison.Ordinal);

        var script = await RawGet(server, "/__dossier/reload.js");
        Assert.Contains("/__dossier/version", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFileIsNotFoundAndOtherMethodsAreRefused()
    {
        await using var server = Start();
        Assert.StartsWith("HTTP/1.1 404 ", await RawGet(server, "/nope.html"), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 405 ", await Raw(server, "POST /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionChangesWhenTheSiteIsRebuilt()
    {
        await using var server = Start();
        var before = Body(await RawGet(server, "/__dossier/version"));
        server.NotifyRebuilt();
        var after = Body(await RawGet(server, "/__dossier/version"));
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task ListensOnLoopbackOnly()
    {
        await using var server = Start();
        Assert.Equal("127.0.0.1", server.Address.Host);
        var response = await RawGet(server, "/index.html");
        Assert.StartsWith("HTTP/1.1 200 ", response, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }

    private PreviewServer Start()
    {
        var server = new PreviewServer(Path.Combine(_root, "_site"), 0);
        server.Start();
        return server;
    }

    internal static Task<string> RawGet(PreviewServer server, string target) =>
        Raw(server, $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    // A raw socket, so that no client library normalises "../" or "%2e%2e" before the server sees it.
    internal static async Task<string> Raw(PreviewServer server, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", server.Address.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    internal static string Body(string response) => response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
}
