namespace StaticDossier.Serving;

/// <summary>Watches the build's inputs and calls back once a burst of changes has settled (editors save in
/// several steps), with the paths that changed. Callbacks never overlap: changes during a rebuild lead to one more
/// rebuild after it. Nothing is called back before <see cref="Start"/>, but changes are counted from construction.</summary>
public sealed class SiteWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly TimeSpan _quiet;
    private readonly Action<IReadOnlyCollection<string>?> _changed;
    private readonly Lock _lock = new();
    private bool _started;
    private bool _running;
    private bool _again;

    // The paths changed since the last callback took them; null once the watcher lost count (its buffer overflowed).
    private HashSet<string>? _paths = new(StringComparer.Ordinal);
    private bool _pending;

    /// <summary>Watches every file under <paramref name="folders"/> and each of <paramref name="files"/>;
    /// <paramref name="changed"/> is given the full paths that changed, or null when they are not known.</summary>
    public SiteWatcher(IEnumerable<string> folders, IEnumerable<string> files, TimeSpan quiet, Action<IReadOnlyCollection<string>?> changed)
    {
        _quiet = quiet;
        _changed = changed;
        _timer = new Timer(_ => Fire());
        foreach (var folder in folders.Where(Directory.Exists))
        {
            Watch(new FileSystemWatcher(Path.GetFullPath(folder)) { IncludeSubdirectories = true });
        }

        foreach (var file in files)
        {
            var full = Path.GetFullPath(file);
            Watch(new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full)));
        }
    }

    /// <summary>Calls back from now on (at once, when something changed since construction).</summary>
    public void Start()
    {
        lock (_lock)
        {
            _started = true;
            if (!_pending)
            {
                return;
            }
        }

        Poke();
    }

    private void Watch(FileSystemWatcher watcher)
    {
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
        watcher.Changed += (_, e) => Saw(e.FullPath);
        watcher.Created += (_, e) => Saw(e.FullPath);
        watcher.Deleted += (_, e) => Saw(e.FullPath);
        watcher.Renamed += (_, e) => Saw(e.OldFullPath, e.FullPath);
        // An overflow of the system's event queue: some changes went unseen.
        watcher.Error += (_, _) => Saw(null);
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void Saw(params string?[]? paths)
    {
        lock (_lock)
        {
            if (paths is null || Array.Exists(paths, p => p is null))
            {
                _paths = null;
            }
            else
            {
                foreach (var path in paths)
                {
                    _paths?.Add(path!);
                }
            }

            _pending = true;
        }

        Poke();
    }

    private void Poke() => _timer.Change(_quiet, Timeout.InfiniteTimeSpan);

    private void Fire()
    {
        lock (_lock)
        {
            if (!_started || !_pending)
            {
                return;
            }

            if (_running)
            {
                _again = true;
                return;
            }

            _running = true;
        }

        while (true)
        {
            HashSet<string>? paths;
            lock (_lock)
            {
                (paths, _paths, _pending) = (_paths, new HashSet<string>(StringComparer.Ordinal), false);
            }

            _changed(paths);
            lock (_lock)
            {
                if (!_again || !_pending)
                {
                    _running = false;
                    _again = false;
                    return;
                }

                _again = false;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _timer.Dispose();
    }
}
