using StaticDossier.Cleaning;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;

namespace StaticDossier.Ingesting;

/// <summary>The seed files one run found, unread until <see cref="Select"/> reads those it must; then what the run
/// learnt of them for the next (<see cref="Known"/>).</summary>
internal sealed class SeedFiles
{
    private readonly SeedReader _reader;
    private readonly IReadOnlyList<string> _files;
    private readonly DateTime _start;
    private readonly string[] _paths;
    private readonly SeedStamp?[] _stamps;
    // Whether a seed was read without a diagnostic: one that has something to say is read again every run, to say it.
    private readonly bool[] _quiet;

    /// <param name="reader">The reader that listed <paramref name="files"/>.</param>
    /// <param name="files">The seed files, full paths, in listing order.</param>
    /// <param name="start">When the run began (UTC): a file written since, or just before, has no stamp to trust.</param>
    public SeedFiles(SeedReader reader, IReadOnlyList<string> files, DateTime start)
    {
        _reader = reader;
        _files = files;
        _start = start;
        _paths = [.. files.Select(reader.Display)];
        _stamps = new SeedStamp?[files.Count];
        _quiet = new bool[files.Count];
        Parallel.For(0, files.Count, Ingestor.OnEveryCore, i => _stamps[i] = SeedStamp.Of(files[i]));
    }

    /// <summary>How many seed files there are.</summary>
    public int Count => _files.Count;

    /// <summary>Reads the seeds <see cref="SeedSelection"/> says must be read; their diagnostics go to <paramref name="diagnostics"/>.</summary>
    public SeedSelection Select(IReadOnlyDictionary<string, KnownSeed> known, Func<string, KnownSeed, bool> cleaningSkipped, DiagnosticBag diagnostics) =>
        SeedSelection.Make(_paths, _stamps, known, cleaningSkipped, i =>
        {
            var own = new DiagnosticBag();
            var seed = _reader.Read(_files[i], own);
            foreach (var diagnostic in own)
            {
                diagnostics.Add(diagnostic);
            }

            _quiet[i] = own.Count == 0;
            return seed;
        });

    /// <summary>What the next run may know of these seeds: those left unread as they were known, those read quietly
    /// with a settled stamp as read, <paramref name="keys"/> holding the cleaning keys of the seeds
    /// <paramref name="selection"/> read, in order.</summary>
    public Dictionary<string, KnownSeed> Known(SeedSelection selection, IReadOnlyList<string> keys)
    {
        var known = new Dictionary<string, KnownSeed>(StringComparer.Ordinal);
        var k = 0;
        for (var i = 0; i < _files.Count; i++)
        {
            if (selection.Unread[i] is { } unread)
            {
                known[_paths[i]] = unread;
            }
            else if (selection.Read[i] is { } doc)
            {
                if (_quiet[i] && _stamps[i] is { } stamp && stamp.SettledBefore(_start))
                {
                    known[_paths[i]] = KnownSeed.From(stamp, doc.Sha256, doc.Kind == SeedKind.TextDump ? RepeatedLines.Outlet(doc) : null, keys[k]);
                }

                k++;
            }
        }

        return known;
    }
}
