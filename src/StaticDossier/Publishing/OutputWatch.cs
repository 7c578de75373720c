namespace StaticDossier.Publishing;

/// <summary>Watches a published site's folder for changes made by anyone (a hand edit, a deletion, a folder moved), so
/// that a long-lived builder checks on disk only the files something touched instead of every file of the site (22,000
/// stats at 10,000 articles). <see cref="Take"/> first waits until every change made before it was seen: it creates a
/// marker file in the folder and waits for its event, which comes after every earlier one. When that cannot be sure (the
/// watch overflowed or failed, the folder was replaced, the marker never came), it says so, and the caller checks
/// every file after starting a new watch.</summary>
internal sealed class OutputWatch : IDisposable
{
    /// <summary>The name every marker starts with (hidden, in the site's root folder for the moment of a wait).</summary>
    internal const string MarkerPrefix = ".dossier-watch-";

    private static int _markers;

    private readonly FileSystemWatcher _watcher;
    private readonly string _root;
    private readonly Lock _lock = new();
    private readonly ManualResetEventSlim _arrived = new();
    private HashSet<string> _touched = new(StringComparer.Ordinal);
    private string? _awaited;
    private bool _lost;
    private bool _disposed;

    private OutputWatch(string root, FileSystemWatcher watcher) => (_root, _watcher) = (root, watcher);

    /// <summary>Starts watching <paramref name="root"/> and every folder under it; null when the system refuses (no
    /// watches left): the caller then checks every file, as without a watch.</summary>
    public static OutputWatch? Start(string root)
    {
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(root)
            {
                IncludeSubdirectories = true,
                // Attributes: a touch that only moves a file's time is a change as well.
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.Attributes,
            };
            var watch = new OutputWatch(root, watcher);
            watcher.Changed += (_, e) => watch.Seen(e.Name);
            watcher.Created += (_, e) => watch.Seen(e.Name);
            watcher.Deleted += (_, e) => watch.Seen(e.Name);
            watcher.Renamed += (_, e) =>
            {
                watch.Seen(e.OldName);
                watch.Seen(e.Name);
            };
            watcher.Error += (_, _) => watch.Lose();
            watcher.EnableRaisingEvents = true;
            return watch;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            watcher?.Dispose();
            return null;
        }
    }

    /// <summary>The paths (relative, '/'-separated: files, or folders whose files may all have changed) touched since the
    /// last call, once every change made before this call has been seen; null when some may have been missed.</summary>
    public HashSet<string>? Take(TimeSpan timeout)
    {
        var marker = $"{MarkerPrefix}{Environment.ProcessId}-{Interlocked.Increment(ref _markers)}";
        lock (_lock)
        {
            if (_lost)
            {
                return null;
            }

            _awaited = marker;
            _arrived.Reset();
        }

        var path = Path.Combine(_root, marker);
        var arrived = false;
        try
        {
            File.Create(path).Dispose();
            arrived = _arrived.Wait(timeout);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not writable, or the folder is gone: nothing can be sure.
        }
        finally
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left for the next full build, which replaces the folder whole.
            }
        }

        lock (_lock)
        {
            _awaited = null;
            if (!arrived || _lost)
            {
                _lost = true;
                return null;
            }

            var touched = _touched;
            _touched = new(StringComparer.Ordinal);
            return touched;
        }
    }

    /// <summary>Puts back paths <see cref="Take"/> gave that were not acted on (an update that wrote nothing): the next
    /// <see cref="Take"/> gives them again.</summary>
    public void GiveBack(IEnumerable<string> touched)
    {
        lock (_lock)
        {
            _touched.UnionWith(touched);
        }
    }

    private void Seen(string? name)
    {
        if (name is null)
        {
            return;
        }

        var relative = name.Replace(Path.DirectorySeparatorChar, '/');
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            if (relative == _awaited)
            {
                _arrived.Set();
            }
            else if (!relative.StartsWith(MarkerPrefix, StringComparison.Ordinal))
            {
                _touched.Add(relative);
            }
        }
    }

    private void Lose()
    {
        lock (_lock)
        {
            _lost = true;
            if (!_disposed)
            {
                _arrived.Set();
            }
        }
    }

    /// <summary>Stops watching.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
        }

        _watcher.Dispose();
        _arrived.Dispose();
    }
}
