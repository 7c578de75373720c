using StaticDossier.Building;
using StaticDossier.Config;
using StaticDossier.Diagnostics;

namespace StaticDossier.Serving;

/// <summary><c>dossier serve</c>: build, serve on 127.0.0.1, rebuild when an input changes, reload open pages.
/// A failed rebuild leaves the last good site on screen and reports why.</summary>
public sealed class PreviewSession : IAsyncDisposable
{
    private readonly Func<DiagnosticBag, SiteConfig?> _loadConfig;
    private readonly Action<BuildSummary, DiagnosticBag> _report;
    private readonly PreviewServer _server;
    private readonly SiteWatcher _watcher;
    private readonly CancellationTokenSource _stop = new();

    // Builds running now (the watcher's): code compiled ahead waits for them.
    private int _building;

    // The last build kept in memory (inputs, pages, bodies, what each page read, what was published): a rebuild reads,
    // renders and writes only what changed.
    private readonly LiveBuild _live;

    private PreviewSession(SiteConfig config, Func<DiagnosticBag, SiteConfig?> loadConfig, PreviewServer server, TimeSpan quiet, Action<BuildSummary, DiagnosticBag> report)
    {
        _live = new LiveBuild { Garbage = new SaveGarbage() };
        _loadConfig = loadConfig;
        _report = report;
        _server = server;
        // Watching from before the first build lists the files: every change after that listing is then told to the
        // next build, which looks only at the paths changed.
        _live.Watched();
        _watcher = new SiteWatcher(BuildFingerprint.InputFolders(config), [Path.Combine(config.RootDirectory, config.SourcePath)], quiet, Rebuild);
    }

    /// <summary>The address to open.</summary>
    public Uri Address => _server.Address;

    internal PreviewServer Server => _server;

    internal LiveBuild Live => _live;

    /// <summary>Builds once, then serves and watches. <paramref name="loadConfig"/> is called again for each
    /// rebuild, so an edit to site.yml takes effect; <paramref name="report"/> hears about every build. With
    /// <paramref name="warmSavePaths"/> (the CLI), the code only a save runs is compiled in the background after the
    /// first build (<see cref="ColdPaths"/>), so the first save does not wait for it.</summary>
    public static PreviewSession? Start(Func<DiagnosticBag, SiteConfig?> loadConfig, int port, TimeSpan quiet, Action<BuildSummary, DiagnosticBag> report, bool warmSavePaths = false)
    {
        var diagnostics = new DiagnosticBag();
        var config = loadConfig(diagnostics);
        if (config is null)
        {
            report(new BuildSummary { Succeeded = false }, diagnostics);
            return null;
        }

        // The port is taken first: one in use is reported before a build is spent on it.
        var server = new PreviewServer(config.OutputPath, port);
        try
        {
            server.Start();
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            diagnostics.Error(DiagnosticCodes.ServeListenFailed,
                $"Cannot listen on 127.0.0.1:{port}: {(ex.InnerException ?? ex).Message}. Is another preview running? Pass --port with another port, or 0 for any free one.",
                SourceLocation.None);
            report(new BuildSummary { Succeeded = false }, diagnostics);
            return null;
        }

        var session = new PreviewSession(config, loadConfig, server, quiet, report);
        var live = session._live;
        try
        {
            report(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(diagnostics), diagnostics);
        }
        catch
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        session._watcher.Start();
        if (warmSavePaths)
        {
            _ = ColdPaths.WarmInBackground(() => Volatile.Read(ref session._building) > 0, session._stop.Token);
        }

        return session;
    }

    private void Rebuild(IReadOnlyCollection<string>? changed)
    {
        Interlocked.Increment(ref _building);
        try
        {
            RebuildNow(changed);
        }
        finally
        {
            Interlocked.Decrement(ref _building);
        }
    }

    private void RebuildNow(IReadOnlyCollection<string>? changed)
    {
        _live.Saw(changed);
        var diagnostics = new DiagnosticBag();
        BuildSummary summary;
        try
        {
            var config = _loadConfig(diagnostics);
            summary = config is null ? new BuildSummary { Succeeded = false } : new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = _live.Memo, Live = _live }.Build(diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // On the watcher's thread nothing would catch it: the preview keeps the last good site and says why.
            diagnostics.Error(DiagnosticCodes.OutputWriteFailed, $"File-system error: {ex.Message}", SourceLocation.None);
            summary = new BuildSummary { Succeeded = false };
        }

        if (summary.Succeeded && !summary.UpToDate)
        {
            _server.NotifyRebuilt();
        }

        _report(summary, diagnostics);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _stop.Dispose();
        _watcher.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
    }
}
