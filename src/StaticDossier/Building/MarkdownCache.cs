using System.Collections.Concurrent;
using System.Text;
using StaticDossier.IO;
using StaticDossier.Rendering;

namespace StaticDossier.Building;

/// <summary>Rendered article bodies keyed by the SHA-256 of their Markdown: Markdown → safe HTML and plain text is the
/// costliest step of a build and depends on nothing but the text and the generator. Kept in
/// <c>.{output}.cache/markdown.bin</c>: a header naming the generator, then (key, html, text) records. New bodies are
/// appended; the file is rewritten with only the bodies in use once too many stale ones have piled up.</summary>
internal sealed class MarkdownCache
{
    private const string FileName = "markdown.bin";
    private const string Format = "staticdossier-markdown-cache-3";
    private readonly ConcurrentDictionary<string, RenderedMarkdown> _loaded;
    private readonly ConcurrentDictionary<string, RenderedMarkdown> _used = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RenderedMarkdown> _new = new(StringComparer.Ordinal);
    private readonly MarkdownRenderer _renderer = new();
    private readonly bool _appendable;
    private int _hits;
    private int _misses;

    private MarkdownCache(ConcurrentDictionary<string, RenderedMarkdown> loaded, bool appendable)
    {
        _loaded = loaded;
        _appendable = appendable;
    }

    /// <summary>Called after each body, with how many have been rendered so far (for progress).</summary>
    public Action<int>? Rendered { get; init; }

    /// <summary>Bodies taken from the cache.</summary>
    public int Hits => _hits;

    /// <summary>Bodies rendered afresh.</summary>
    public int Misses => _misses;

    /// <summary>An empty cache.</summary>
    public static MarkdownCache Empty(Action<int>? rendered = null) => new(new(StringComparer.Ordinal), false) { Rendered = rendered };

    /// <summary>Loads the cache in <paramref name="cacheDir"/>; empty when absent, damaged or from another generator.</summary>
    public static MarkdownCache Load(string cacheDir, Action<int>? rendered = null)
    {
        var path = Path.Combine(cacheDir, FileName);
        var entries = new ConcurrentDictionary<string, RenderedMarkdown>(StringComparer.Ordinal);
        var appendable = false;
        try
        {
            if (File.Exists(path))
            {
                using var stream = File.OpenRead(path);
                using var reader = new BinaryReader(stream, Encoding.UTF8);
                if (reader.ReadString() == Format && reader.ReadString() == BuildFingerprint.Generator)
                {
                    while (stream.Position < stream.Length)
                    {
                        var key = reader.ReadString();
                        if (!IsKey(key))
                        {
                            throw new FormatException("Damaged record.");
                        }

                        entries[key] = new RenderedMarkdown(reader.ReadString(), reader.ReadString());
                    }

                    appendable = true;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or FormatException)
        {
            // A damaged cache (say, a torn append) only costs rendering again.
            entries.Clear();
            appendable = false;
        }

        return new MarkdownCache(entries, appendable) { Rendered = rendered };
    }

    /// <summary>The HTML and plain text of <paramref name="markdown"/>, from the cache when it has been rendered before.</summary>
    public RenderedMarkdown Render(string markdown)
    {
        var key = BuildFingerprint.Sha256(markdown);
        if (_loaded.TryGetValue(key, out var body))
        {
            Interlocked.Increment(ref _hits);
        }
        else
        {
            body = _renderer.RenderBody(markdown);
            _new[key] = body;
            Interlocked.Increment(ref _misses);
        }

        _used[key] = body;
        Rendered?.Invoke(_hits + _misses);
        return body;
    }

    /// <summary>Saves what this build rendered: appended when the file is sound and mostly still in use, otherwise
    /// rewritten (in key order, so it is deterministic) with only the bodies this build used.</summary>
    public void Save(string cacheDir)
    {
        var path = Path.Combine(cacheDir, FileName);
        var stale = _loaded.Count - (_used.Count - _new.Count);
        if (_appendable && File.Exists(path) && stale <= Math.Max(1000, _used.Count / 4))
        {
            if (_new.IsEmpty)
            {
                return;
            }

            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, 1 << 16);
            WriteRecords(stream, _new, header: false);
            return;
        }

        // Atomic but not written through: a cache lost to a crash only costs rendering again. Streamed rather
        // than assembled: a 10,000-article cache is over 100 MB, and building it in memory first cost as much again in
        // fresh pages as the writing itself.
        AtomicFile.Write(path, stream => WriteRecords(stream, _used, header: true), durable: false);
    }

    private static void WriteRecords(Stream stream, ConcurrentDictionary<string, RenderedMarkdown> entries, bool header)
    {
        // The FileStream buffers the short keys; BinaryWriter encodes long bodies in chunks of its own.
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        if (header)
        {
            writer.Write(Format);
            writer.Write(BuildFingerprint.Generator);
        }

        foreach (var (key, body) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(body.Html);
            writer.Write(body.Text);
        }
    }

    private static bool IsKey(string key) => key.Length == 64 && key.All(char.IsAsciiHexDigitLower);
}
