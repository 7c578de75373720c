using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace StaticDossier.Serving;

/// <summary>Previews the site on 127.0.0.1 only, with Kestrel. GET and HEAD; only requests whose Host is
/// 127.0.0.1 or localhost are answered (a page on another site cannot reach the preview through a name it points at
/// 127.0.0.1: DNS rebinding). HTML pages get a reload script injected into the response (never into the built files),
/// which polls <c>/__dossier/version</c> and reloads the page after each rebuild.</summary>
public sealed class PreviewServer : IAsyncDisposable
{
    /// <summary>Where the preview's own endpoints live; no site file is served from there.</summary>
    public const string Prefix = "/__dossier/";

    private const string ReloadScript = """
        (() => {
          let seen = null;
          // The server holds the request until the next rebuild (or 20 s), so the page reloads as soon as it is done.
          const poll = async () => {
            try {
              const r = await fetch("/__dossier/version" + (seen === null ? "" : "?wait=" + seen), { cache: "no-store" });
              const v = await r.text();
              if (seen !== null && v !== seen) { location.reload(); return; }
              seen = v;
              setTimeout(poll, 0);
            } catch (e) { setTimeout(poll, 500); /* the server is restarting: try again */ }
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
    private readonly int _port;
    private WebApplication? _app;
    private int _version = 1;

    /// <summary>Creates a server for <paramref name="siteRoot"/> on 127.0.0.1:<paramref name="port"/> (0: any free port).</summary>
    public PreviewServer(string siteRoot, int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        _siteRoot = Path.GetFullPath(siteRoot);
        _port = port;
    }

    /// <summary>The address to open, once started.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The number pages poll; it changes after each successful rebuild.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>Starts listening.</summary>
    /// <exception cref="IOException">The port is taken (or may not be used).</exception>
    public void Start()
    {
        // The empty builder reads no configuration (no appsettings.json from the dossier, no ASPNETCORE_ variables)
        // and logs nothing: the address and the handler below are all there is.
        // No content root of the site's: the folder may not exist before the first build.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, _port);
        });
        var app = builder.Build();
        app.Run(Handle);
        app.StartAsync().GetAwaiter().GetResult();
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Address = new Uri($"http://127.0.0.1:{new Uri(bound).Port.ToString(CultureInfo.InvariantCulture)}/");
    }

    /// <summary>Tells open pages to reload.</summary>
    public void NotifyRebuilt()
    {
        Interlocked.Increment(ref _version);
        Interlocked.Exchange(ref _rebuilt, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Completes at the next rebuild.</summary>
    private TaskCompletionSource _rebuilt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task Handle(HttpContext context)
    {
        // The target as the client sent it, before Kestrel decodes it and drops dot segments: "/../x" is refused, not served as "/x".
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        // Taken before the version is compared: a rebuild in between completes this very task.
        var rebuilt = Volatile.Read(ref _rebuilt).Task;
        if (target.StartsWith(Prefix + "version?wait=", StringComparison.Ordinal) && IsLocalHost(context.Request.Host)
            && target[(Prefix.Length + "version?wait=".Length)..] == Version.ToString(CultureInfo.InvariantCulture))
        {
            // A page waiting for the next rebuild: answered when it comes, or after 20 s with the same version.
            await Task.WhenAny(rebuilt, Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted)).ConfigureAwait(false);
            target = Prefix + "version";
        }
        else if (target.StartsWith(Prefix + "version?wait=", StringComparison.Ordinal))
        {
            target = Prefix + "version";
        }

        var (status, type, body) = Respond(context.Request.Method, context.Request.Host, target);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = type;
        response.ContentLength = body.Length;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    internal (int Status, string Type, byte[] Body) Respond(string method, HostString host, string target)
    {
        if (!IsLocalHost(host))
        {
            return Text(403, "Refused: the preview answers only to 127.0.0.1 and localhost.");
        }

        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            return Text(405, "Only GET and HEAD.");
        }

        if (target == Prefix + "version")
        {
            return Text(200, Version.ToString(CultureInfo.InvariantCulture));
        }

        if (target == Prefix + "reload.js")
        {
            return (200, ContentTypes[".js"], Encoding.UTF8.GetBytes(ReloadScript));
        }

        var file = target.StartsWith(Prefix, StringComparison.Ordinal) ? null : SitePathResolver.Resolve(_siteRoot, target);
        if (file is null)
        {
            return Text(403, "Refused: that path is outside the site.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            return Text(404, "Not found.");
        }

        var type = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        return (200, type, type.StartsWith("text/html", StringComparison.Ordinal) ? InjectReload(bytes) : bytes);
    }

    /// <summary>127.0.0.1 or localhost, with or without a port: the names this preview is opened by. Any other name
    /// resolving to the loopback address is a page elsewhere trying to read the preview.</summary>
    internal static bool IsLocalHost(HostString host) =>
        host.HasValue && (host.Host == "127.0.0.1" || string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds the reload script before <c>&lt;/body&gt;</c>, in the response only.</summary>
    internal static byte[] InjectReload(byte[] html)
    {
        const string tag = "<script src=\"/__dossier/reload.js\" defer></script>";
        var text = Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return Encoding.UTF8.GetBytes(at >= 0 ? text.Insert(at, tag) : text + tag);
    }

    private static (int, string, byte[]) Text(int status, string message) =>
        (status, ContentTypes[".txt"], Encoding.UTF8.GetBytes(message + "\n"));
}
