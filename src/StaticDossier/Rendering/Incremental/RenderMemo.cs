using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using Scriban.Runtime;
using StaticDossier.Publishing;

namespace StaticDossier.Rendering.Incremental;

/// <summary>What a long-lived builder (<c>dossier serve</c>) remembers between builds so that a change re-renders only the
/// pages whose inputs changed. Every page rendered through <see cref="Pages.PageRenderer"/> is keyed by the values it
/// read (<see cref="ModelHasher"/>): the article, its neighbours in time, the related-article lists, the term lists, the
/// site's settings, whatever a page kind added later reads. A page whose key is unchanged keeps its bytes (and its links,
/// already scanned). Outputs that are not templates (search index, feed, data files) are always made afresh.
/// <para>A change to any template forgets everything: which members a page reads depends on its templates.</para></summary>
internal sealed class RenderMemo
{
    private readonly ConcurrentDictionary<string, ReadSchema> _schemas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Version, ModelHasher Hasher)> _hashers = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, (UInt128 Key, byte[] Bytes)> _pages = new(StringComparer.Ordinal);
    private string? _templates;
    private int _reused;
    private int _rendered;

    /// <summary>Link scans of page bytes, so a page kept from the last build is not scanned again.</summary>
    public ConditionalWeakTable<byte[], ScannedPage> Scans { get; private set; } = new();

    /// <summary>Pages kept from the last build, in this build.</summary>
    public int Reused => _reused;

    /// <summary>Pages rendered in this build.</summary>
    public int Rendered => _rendered;

    /// <summary>The paths of the pages rendered in this build, in path order.</summary>
    public IReadOnlyList<string> RenderedPaths => [.. _renderedPaths.Order(StringComparer.Ordinal)];

    private ConcurrentBag<string> _renderedPaths = [];

    /// <summary>Starts a build whose templates folder is <paramref name="templatesDir"/>; its files' contents decide
    /// whether anything from earlier builds is kept.</summary>
    public void BeginBuild(string templatesDir)
    {
        var templates = Fingerprint(templatesDir);
        if (templates != _templates)
        {
            _schemas.Clear();
            _pages = new(StringComparer.Ordinal);
            Scans = new();
            _templates = templates;
        }

        _hashers.Clear();
        (_reused, _rendered) = (0, 0);
        _renderedPaths = [];
    }

    /// <summary>After a build that reported errors: nothing is kept, so the next build renders (and reports) every page
    /// again. A page can report an error and still make bytes (an interface text missing shows as its key).</summary>
    public void Forget()
    {
        _pages = new(StringComparer.Ordinal);
        Scans = new();
    }

    /// <summary>After a successful build: only the pages it published are remembered.</summary>
    public void EndBuild(IEnumerable<string> published)
    {
        var keep = published.ToHashSet(StringComparer.Ordinal);
        foreach (var path in _pages.Keys.Where(p => !keep.Contains(p)).ToList())
        {
            _pages.TryRemove(path, out _);
        }
    }

    /// <summary>The reads of pages made with <paramref name="template"/> (or of a cached partial, by its path).</summary>
    public ReadSchema Schema(string template) => _schemas.GetOrAdd(template, _ => new ReadSchema(this));

    /// <summary>The key of a page; null when its model cannot be hashed. Taken over every member its kind of page has
    /// read so far: after a page is rendered, its key covers its own reads (the first build's pages too).</summary>
    public UInt128? Key(string template, ScriptObject model)
    {
        var schema = Schema(template);
        var version = schema.Version();
        if (!_hashers.TryGetValue(template, out var hasher) || hasher.Version != version)
        {
            // The version is read before the snapshot is taken, so the snapshot holds at least what it counts.
            hasher = (version, new ModelHasher(schema.Take()));
            _hashers[template] = hasher;
        }

        return hasher.Hasher.Key(template, model);
    }

    /// <summary>The bytes the last build wrote for <paramref name="outputPath"/> under the same key, else null.</summary>
    public byte[]? Reuse(string outputPath, UInt128 key)
    {
        if (_pages.TryGetValue(outputPath, out var page) && page.Key == key)
        {
            Interlocked.Increment(ref _reused);
            return page.Bytes;
        }

        return null;
    }

    /// <summary>Remembers what a page rendered to.</summary>
    public void Record(string outputPath, UInt128 key, byte[] bytes)
    {
        Interlocked.Increment(ref _rendered);
        _renderedPaths.Add(outputPath);
        _pages[outputPath] = (key, bytes);
    }

    private static string Fingerprint(string dir)
    {
        var hash = new XxHash128();
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.Append(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(dir, file) + "\n"));
                hash.Append(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexString(hash.GetCurrentHash());
    }
}
