namespace StaticDossier.Serving;

/// <summary>Watches the build's inputs and calls back once a burst of changes has settled (editors save in
/// several steps). Callbacks never overlap: changes during a rebuild lead to one more rebuild after it.</summary>
public sealed class SiteWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly TimeSpan _quiet;
    private readonly Action _changed;
    private readonly Lock _lock = new();
    private bool _running;
    private bool _again;

    /// <summary>Watches every file under <paramref name="folders"/> and each of <paramref name="files"/>.</summary>
    public SiteWatcher(IEnumerable<string> folders, IEnumerable<string> files, TimeSpan quiet, Action changed)
    {
        _quiet = quiet;
        _changed = changed;
        _timer = new Timer(_ => Fire());
        foreach (var folder in folders.Where(Directory.Exists))
        {
            Watch(new FileSystemWatcher(folder) { IncludeSubdirectories = true });
        }

        foreach (var file in files)
        {
            var full = Path.GetFullPath(file);
            Watch(new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full)));
        }
    }

    private void Watch(FileSystemWatcher watcher)
    {
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
        watcher.Changed += (_, _) => Poke();
        watcher.Created += (_, _) => Poke();
        watcher.Deleted += (_, _) => Poke();
        watcher.Renamed += (_, _) => Poke();
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void Poke() => _timer.Change(_quiet, Timeout.InfiniteTimeSpan);

    private void Fire()
    {
        lock (_lock)
        {
            if (_running)
            {
                _again = true;
                return;
            }

            _running = true;
        }

        while (true)
        {
            _changed();
            lock (_lock)
            {
                if (!_again)
                {
                    _running = false;
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
