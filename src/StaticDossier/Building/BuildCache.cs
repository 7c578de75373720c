using System.Collections.Concurrent;
using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;

namespace StaticDossier.Building;

/// <summary>How a build uses the cache beside its output folder (<c>.{output}.cache/</c>).</summary>
public enum BuildCacheMode
{
    /// <summary>No cache: nothing is read or written beside the output folder, every page is rendered.</summary>
    Off,

    /// <summary>Render every page from scratch and trust nothing from earlier builds, then save the cache for the next.</summary>
    Refresh,

    /// <summary>Stop at once when no input changed and the site is as the last build left it; otherwise reuse
    /// cached article bodies and link unchanged files from the previous site.</summary>
    Reuse,
}

/// <summary>The build cache of one build: the fingerprint of its inputs, the last build's state, rendered article
/// bodies. Correctness never rests on it: any input change renders every page again, and the state is only
/// trusted after a successful publish.</summary>
internal sealed class BuildCache
{
    private readonly string _dir;
    private readonly string _inputs;
    private readonly ConcurrentDictionary<string, byte[]>? _pages;

    // A long-lived builder (serve) appends each save to the state's journal rather than writing it whole; this is how
    // long the journal on disk is as Previous holds it (-1: no journal to append to).
    private long _journal;

    private BuildCache(string dir, string inputs, BuildState? previous, ConcurrentDictionary<string, byte[]>? pages, MarkdownCache markdown, bool live)
    {
        (_dir, _inputs, Previous, _pages, Markdown) = (dir, inputs, previous, pages, markdown);
        _journal = live && previous is not null ? previous.JournalLength : -1;
    }

    /// <summary>The last successful build's state; null when there is none to trust.</summary>
    public BuildState? Previous { get; }

    /// <summary>Article bodies, cached or rendered afresh (and kept for the next build).</summary>
    public MarkdownCache Markdown { get; }

    /// <summary>The cache folder of <paramref name="outputPath"/>: a hidden sibling, so it is never published.</summary>
    public static string DirectoryFor(string outputPath)
    {
        var full = Path.GetFullPath(outputPath).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.cache");
    }

    /// <summary>Fingerprints the inputs and, with <paramref name="reuse"/>, loads what the last build left.</summary>
    public static BuildCache Open(SiteConfig config, bool reuse, Action<BuildProgress>? progress) => Open(config, reuse, progress, null);

    /// <summary>As <see cref="Open(SiteConfig, bool, Action{BuildProgress})"/>, taking from <paramref name="live"/> what an
    /// earlier build of the same process kept in memory instead of reading it again.</summary>
    public static BuildCache Open(SiteConfig config, bool reuse, Action<BuildProgress>? progress, LiveBuild? live)
    {
        var dir = DirectoryFor(config.OutputPath);
        progress?.Invoke(new BuildProgress("fingerprint", 0, 0));
        var kept = reuse ? live?.State : null;
        // With nothing built before, the pages will all be read: the fingerprint keeps what it reads for that.
        // After a build, most runs change nothing, and holding every page in memory would only slow them.
        var pages = reuse && (kept is not null || BuildState.Exists(dir)) ? null : new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        var inputs = BuildFingerprint.Compute(config, pages, live);
        var previous = reuse ? kept ?? BuildState.Load(dir) : null;
        var articles = pages?.Count ?? BuildFingerprint.CountPages(config);
        void Rendered(int done) => progress?.Invoke(new BuildProgress("render", done, articles));
        var markdown = reuse && live?.Markdown is { } bodies ? bodies.Next(Rendered)
            : reuse ? MarkdownCache.Load(dir, Rendered, live is not null)
            : MarkdownCache.Empty(Rendered, live is not null);
        return new BuildCache(dir, inputs, previous, pages, markdown, live is not null);
    }

    /// <summary>The last build's state when no input changed and <paramref name="outputPath"/> is as it left it.</summary>
    public BuildState? UpToDate(string outputPath) =>
        Previous is not null && Previous.Inputs == _inputs && Previous.OutputsIntact(outputPath) ? Previous : null;

    /// <summary>A content page the fingerprint already read; each is taken out, so its bytes go once the page is parsed.</summary>
    public Func<string, byte[]?>? ReadAlready => _pages is null ? null : path => _pages.TryRemove(path, out var bytes) ? bytes : null;

    /// <summary>Saves the rendered bodies; they depend on nothing but their Markdown, so this runs while the site is written.
    /// With <paramref name="letGo"/> (a one-off build) the cache then holds none of them.</summary>
    public Task SaveBodies(bool letGo = false) => Task.Run(() =>
    {
        Directory.CreateDirectory(_dir);
        Markdown.Save(_dir);
        if (letGo)
        {
            Markdown.LetGo();
        }
    });

    /// <summary>Drops the build state before publishing: should the swap fail half-way, no later build may trust it. In
    /// serve, a line of the journal says so (the state is kept for the save to append to).</summary>
    public void Forget()
    {
        if (Previous is not null && _journal >= 0 && (_journal = BuildJournal.Forget(_dir, Previous, _journal)) >= 0)
        {
            return;
        }

        BuildState.Forget(_dir);
    }

    /// <summary>Waits for the bodies to be saved, then (when the site was published) records the new state, and returns
    /// it. A failure is a warning: the next build is simply a full one.</summary>
    public BuildState? AfterPublish(Task savingBodies, WriteResult? written, DiagnosticBag reported, DiagnosticBag diagnostics)
    {
        try
        {
            savingBodies.GetAwaiter().GetResult();
            if (written is not null)
            {
                List<Diagnostic> sorted = [.. reported.Sorted()];
                if (Previous is not null && _journal >= 0
                    && BuildJournal.Save(_dir, Previous, _journal, _inputs, written.Outputs, sorted) is { } journaled)
                {
                    return journaled;
                }

                var state = new BuildState
                {
                    Generator = BuildFingerprint.Generator,
                    Inputs = _inputs,
                    Outputs = written.Outputs,
                    Diagnostics = sorted,
                };
                state.Save(_dir);
                return state;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning(DiagnosticCodes.OutputWriteFailed, $"Could not save the build cache: {ex.Message}", SourceLocation.InFile(_dir));
        }

        return null;
    }
}
