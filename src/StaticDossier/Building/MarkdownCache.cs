using System.Collections.Concurrent;
using System.Text;
using StaticDossier.IO;
using StaticDossier.Rendering;

namespace StaticDossier.Building;

/// <summary>Rendered article bodies keyed by the SHA-256 of their Markdown: Markdown → sanitised HTML is the
/// costliest step of a build and depends on nothing but the text and the generator. Kept in
/// <c>.{output}.cache/markdown.bin</c>; only the bodies the last build used are saved again.</summary>
internal sealed class MarkdownCache
{
    private const string FileName = "markdown.bin";
    private readonly ConcurrentDictionary<string, string> _loaded;
    private readonly ConcurrentDictionary<string, string> _used = new(StringComparer.Ordinal);
    private readonly MarkdownRenderer _renderer = new();
    private int _hits;
    private int _misses;

    private MarkdownCache(ConcurrentDictionary<string, string> loaded) => _loaded = loaded;

    /// <summary>Called after each body, with how many have been rendered so far (for progress).</summary>
    public Action<int>? Rendered { get; init; }

    /// <summary>Bodies taken from the cache.</summary>
    public int Hits => _hits;

    /// <summary>Bodies rendered afresh.</summary>
    public int Misses => _misses;

    /// <summary>An empty cache.</summary>
    public static MarkdownCache Empty(Action<int>? rendered = null) => new(new(StringComparer.Ordinal)) { Rendered = rendered };

    /// <summary>Loads the cache in <paramref name="cacheDir"/>; empty when absent, damaged or from another generator.</summary>
    public static MarkdownCache Load(string cacheDir, Action<int>? rendered = null)
    {
        var path = Path.Combine(cacheDir, FileName);
        var entries = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(path))
            {
                using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
                if (reader.ReadString() == BuildFingerprint.Generator)
                {
                    var count = reader.ReadInt32();
                    for (var i = 0; i < count; i++)
                    {
                        entries[reader.ReadString()] = reader.ReadString();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or FormatException)
        {
            // A damaged cache only costs rendering again.
            entries.Clear();
        }

        return new MarkdownCache(entries) { Rendered = rendered };
    }

    /// <summary>The sanitised HTML of <paramref name="markdown"/>, from the cache when it has been rendered before.</summary>
    public string Render(string markdown)
    {
        var key = BuildFingerprint.Sha256(markdown);
        if (_loaded.TryGetValue(key, out var html))
        {
            Interlocked.Increment(ref _hits);
        }
        else
        {
            html = _renderer.Render(markdown);
            Interlocked.Increment(ref _misses);
        }

        _used[key] = html;
        Rendered?.Invoke(_hits + _misses);
        return html;
    }

    /// <summary>Saves the bodies this build used, in key order so the file is deterministic; skipped when the
    /// build used exactly what was loaded.</summary>
    public void Save(string cacheDir)
    {
        if (_misses == 0 && _used.Count == _loaded.Count)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(BuildFingerprint.Generator);
            writer.Write(_used.Count);
            foreach (var (key, html) in _used.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.Write(key);
                writer.Write(html);
            }
        }

        AtomicFile.WriteAllBytes(Path.Combine(cacheDir, FileName), buffer.ToArray());
    }
}
