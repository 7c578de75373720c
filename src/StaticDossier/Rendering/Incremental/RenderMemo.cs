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
/// already checked). Outputs that are not templates (feed, data files, sitemap) are kept whole while the parts they are
/// made of are the same (<see cref="Joined"/>).
/// <para>A change to any template forgets everything: which members a page reads depends on its templates.</para></summary>
internal sealed class RenderMemo
{
    private readonly ConcurrentDictionary<string, ReadSchema> _schemas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Version, ReadSchema.Snapshot Snapshot)> _snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ReadSchema.Snapshot, ModelHasher> _hashers = new(ReferenceEqualityComparer.Instance);
    private ConditionalWeakTable<ReadSchema.Snapshot, ConditionalWeakTable<object, StrongBox<UInt128>>> _recordHashes = new();
    private ConcurrentDictionary<string, (UInt128 Key, byte[] Bytes, ReadSchema.Snapshot Snapshot)> _pages = new(StringComparer.Ordinal);
    private string? _templates;
    private int _reused;
    private int _rendered;

    /// <summary>Each article's folded text and words for the related articles, made once while it stays the same.</summary>
    public Analysis.ModelMemo Model { get; } = new();

    /// <summary>Each article's words for the search index, parsed once while its fields stay the same.</summary>
    public Search.SearchIndex.Memo Search { get; init; } = new();

    /// <summary>Values made from one model object and a setting alone (an article's JSON-LD), made once while the object
    /// lives: the model memo hands out an unchanged article's view again, so its page's model holds the same objects.</summary>
    public T Derived<TFrom, T>(TFrom from, string kind, Func<TFrom, T> make)
        where TFrom : class
        where T : class => Derived(from, kind, make, static (f, make) => make(f));

    /// <summary><see cref="Derived{TFrom, T}(TFrom, string, Func{TFrom, T})"/> made from <paramref name="from"/> and
    /// <paramref name="argument"/>, so that a caller passes a static function (no closure per article): every article
    /// page asks for its JSON-LD and Dublin Core on every save.</summary>
    public T Derived<TFrom, TArgument, T>(TFrom from, string kind, TArgument argument, Func<TFrom, TArgument, T> make)
        where TFrom : class
        where T : class
    {
        var values = _derived.GetValue(from, static _ => new DerivedValues());
        if (values.Find(kind) is { } value)
        {
            return (T)value;
        }

        var made = make(from, argument);
        return (T)values.Add(kind, made);
    }

    private readonly ConditionalWeakTable<object, DerivedValues> _derived = new();

    /// <summary>The few values made from one object, by kind: a scan of a handful, read without a lock.</summary>
    private sealed class DerivedValues
    {
        private (string Kind, object Value)[] _values = [];

        public object? Find(string kind)
        {
            foreach (var (k, value) in Volatile.Read(ref _values))
            {
                // The kinds are mostly the very strings of this build.
                if (ReferenceEquals(k, kind) || string.Equals(k, kind, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            return null;
        }

        /// <summary><paramref name="value"/>, or the one of that kind another thread added first.</summary>
        public object Add(string kind, object value)
        {
            lock (this)
            {
                if (Find(kind) is { } first)
                {
                    return first;
                }

                Volatile.Write(ref _values, [.. _values, (kind, value)]);
                return value;
            }
        }
    }

    /// <summary>A file made whole from parts (a data file from each article's record, the feed from its entries): its bytes
    /// as the last build made them when <paramref name="parts"/> are the very objects (strings: equal) it was made from
    /// then, else <paramref name="make"/>'s, remembered for the next build. The parts must be all <paramref name="make"/>
    /// reads.</summary>
    public byte[] Joined(string outputPath, object?[] parts, Func<byte[]> make)
    {
        if (_joined.TryGetValue(outputPath, out var last) && Same(last.Parts, parts))
        {
            Interlocked.Increment(ref _joinedKept);
            return last.Bytes;
        }

        var bytes = make();
        _joined[outputPath] = (parts, bytes);
        return bytes;
    }

    private ConcurrentDictionary<string, (object?[] Parts, byte[] Bytes)> _joined = new(StringComparer.Ordinal);

    /// <summary>The sitemap's elements as the last build wrote them (see <see cref="Joined"/> for a sitemap kept whole).</summary>
    public Data.SitemapEntries Sitemap { get; private set; } = new();
    private int _joinedKept;

    /// <summary>Files made whole from parts that this build kept (see <see cref="Joined"/>).</summary>
    public int JoinedKept => _joinedKept;

    /// <summary>What the last link check found on each page, so a page kept from the last build is not scanned or judged
    /// again unless a file it links to came or went or an anchor it names moved.</summary>
    public CheckedLinks Links { get; } = new();

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
            _snapshots.Clear();
            _pages = new(StringComparer.Ordinal);
            _recordHashes = new();
            _templates = templates;
        }

        _hashers.Clear();
        _sharedKeys.Clear();
        _shared.Clear();
        (_lastTokens, _tokens) = (_tokens, new(StringComparer.Ordinal));
        (_reused, _rendered, _joinedKept) = (0, 0, 0);
        _renderedPaths = [];
    }

    /// <summary>After a build that reported errors: nothing is kept, so the next build renders (and reports) every page
    /// again. A page can report an error and still make bytes (an interface text missing shows as its key).</summary>
    public void Forget()
    {
        Model.Forget();
        _pages = new(StringComparer.Ordinal);
        _joined = new(StringComparer.Ordinal);
        Sitemap = new();
        Links.Forget();
    }

    /// <summary>After a successful build: only the pages it published are remembered.</summary>
    public void EndBuild(IEnumerable<string> published)
    {
        var keep = published.ToHashSet(StringComparer.Ordinal);
        foreach (var path in _pages.Keys.Where(p => !keep.Contains(p)).ToList())
        {
            _pages.TryRemove(path, out _);
        }

        foreach (var path in _own.Keys.Where(p => !keep.Contains(p)).ToList())
        {
            _own.TryRemove(path, out _);
        }

        foreach (var path in _joined.Keys.Where(p => !keep.Contains(p)).ToList())
        {
            _joined.TryRemove(path, out _);
        }
    }

    /// <summary>The reads of pages made with <paramref name="template"/> (or of a cached partial, by its path).</summary>
    public ReadSchema Schema(string template) => _schemas.GetOrAdd(template, _ => new ReadSchema(this));

    /// <summary>The bytes the last build made for <paramref name="outputPath"/> when its model holds the same values under
    /// the members its key was taken with, else null. A page is keyed with the schema as it stood after its own render,
    /// which covers every member it read: members other pages read later (a branch only an undated article takes) cannot
    /// change it, so they do not count against it either.</summary>
    public byte[]? Reuse(string template, ScriptObject model, string outputPath)
    {
        if (_pages.TryGetValue(outputPath, out var page) && HasherFor(page.Snapshot).Key(template, model) == page.Key)
        {
            Interlocked.Increment(ref _reused);
            return page.Bytes;
        }

        return null;
    }

    /// <summary>Remembers what a page rendered to, keyed by <paramref name="given"/> (its model as it was given to the
    /// templates) under every member its kind of page has read so far, its own reads included.</summary>
    public void Record(string template, ScriptObject given, string outputPath, byte[] bytes)
    {
        Interlocked.Increment(ref _rendered);
        _renderedPaths.Add(outputPath);
        var schema = Schema(template);
        var version = schema.Version();
        var current = _snapshots.AddOrUpdate(
            template,
            // The version is read before the snapshot is taken, so the snapshot holds at least what it counts.
            _ => (version, schema.Take()),
            (_, known) => known.Version == version ? known : (version, schema.Take()));
        if (HasherFor(current.Snapshot).Key(template, given) is { } key)
        {
            _pages[outputPath] = (key, bytes, current.Snapshot);
        }
        else
        {
            _pages.TryRemove(outputPath, out _);
        }
    }

    // Per page made from a few model objects and the values every page of its kind shares (an article's page, a term's):
    // the objects of its own its model held and the key of the shared values, under the snapshot its key was taken with.
    private readonly ConcurrentDictionary<string, (object?[] Own, UInt128 Shared)> _own = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ReadSchema.Snapshot, UInt128?> _sharedKeys = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, ScriptObject> _shared = new(StringComparer.Ordinal);

    /// <summary>Starts this build's pages of <paramref name="template"/> whose model is <paramref name="shared"/> (the values
    /// every such page holds; its own values left out) plus a few values of their own.</summary>
    public void BeginShared(string template, ScriptObject shared) => _shared[template] = shared;

    /// <summary>The bytes the last build made for <paramref name="outputPath"/> (a page of <paramref name="template"/>) when
    /// its own values are the very objects (strings: equal) its model held then and the shared values hash as they did
    /// under the members its key was taken with: its whole key would then be the same, and it is not worked out (nor its
    /// model made). Null otherwise.</summary>
    public byte[]? ReuseOwn(string template, string outputPath, object?[] own)
    {
        if (_own.TryGetValue(outputPath, out var known) && _pages.TryGetValue(outputPath, out var page) && Same(known.Own, own)
            && SharedKey(template, page.Snapshot) == known.Shared)
        {
            Interlocked.Increment(ref _reused);
            return page.Bytes;
        }

        return null;
    }

    /// <summary>After <paramref name="outputPath"/> was kept or rendered the usual way: its own values, for
    /// <see cref="ReuseOwn"/> next time.</summary>
    public void RecordOwn(string template, string outputPath, object?[] own)
    {
        if (_pages.TryGetValue(outputPath, out var page) && SharedKey(template, page.Snapshot) is { } shared)
        {
            _own[outputPath] = (own, shared);
        }
        else
        {
            _own.TryRemove(outputPath, out _);
        }
    }

    /// <summary>An object that stands for <paramref name="parts"/> (compared as <see cref="ReuseOwn"/> compares own values):
    /// the one the last build gave under <paramref name="name"/> when its parts were the same, else a new one. A model
    /// object made anew each build (a term, with its list of articles) is so the same own value while what it holds is.</summary>
    public object Token(string name, object?[] parts)
    {
        var token = _lastTokens.TryGetValue(name, out var last) && Same(last.Parts, parts) ? last.Token : new object();
        _tokens[name] = (parts, token);
        return token;
    }

    private ConcurrentDictionary<string, (object?[] Parts, object Token)> _tokens = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, (object?[] Parts, object Token)> _lastTokens = new(StringComparer.Ordinal);

    private UInt128? SharedKey(string template, ReadSchema.Snapshot snapshot) =>
        _shared.TryGetValue(template, out var shared) ? _sharedKeys.GetOrAdd(snapshot, s => HasherFor(s).Key(template, shared)) : null;

    private static bool Same(object?[] last, object?[] now)
    {
        if (last.Length != now.Length)
        {
            return false;
        }

        for (var i = 0; i < last.Length; i++)
        {
            if (!(ReferenceEquals(last[i], now[i]) || (last[i] is string a && now[i] is string b && a == b)
                  || (last[i] is IJoinedPart part && now[i] is not null && part.SameBytes(now[i]!))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>This build's hasher for a snapshot: objects are hashed once per build, and the model is new each build.</summary>
    private ModelHasher HasherFor(ReadSchema.Snapshot snapshot) =>
        _hashers.GetOrAdd(snapshot, s => new ModelHasher(s, _recordHashes.GetValue(s, static _ => new())));

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
