using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using StaticDossier.IO;
using StaticDossier.Rendering;

namespace StaticDossier.Building;

/// <summary>Rendered article bodies keyed by the SHA-256 of their Markdown: Markdown → safe HTML and plain text is the
/// costliest step of a build and depends on nothing but the text and the generator. Kept in
/// <c>.{output}.cache/markdown.bin</c>: a header naming the generator, then (key, html, text) records. New bodies are
/// appended; the file is rewritten with only the bodies in use once too many stale ones have piled up.
/// <para>Loading only indexes the file (where each key's HTML and text lie); a body is decoded when the build asks for
/// it, on the thread that asks. Decoding the whole file up front was a tenth of a second on one core at 10,000
/// articles, and most of what a one-article rebuild spent before rendering.</para></summary>
internal sealed class MarkdownCache
{
    private const string FileName = "markdown.bin";
    private const string Format = "staticdossier-markdown-cache-3";

    // Bodies are checked as they are decoded: a damaged record is rendered again, never published as it is.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _file;
    private Dictionary<string, Record> _index;
    private readonly ConcurrentDictionary<string, RenderedMarkdown> _used = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RenderedMarkdown> _new = new(StringComparer.Ordinal);
    private readonly MarkdownRenderer _renderer = new();
    private readonly bool _appendable;
    private readonly int _stored;
    private int _hits;
    private int _misses;

    // Kept in memory by a long-lived builder (serve): the last build's bodies by key, and by the very Markdown string they
    // were rendered from (a page parsed in an earlier build holds the same string), so an unchanged body is not hashed again.
    private readonly IReadOnlyDictionary<string, RenderedMarkdown>? _memory;
    private ConditionalWeakTable<string, Tuple<string, RenderedMarkdown>>? _byText;

    private MarkdownCache(byte[] file, Dictionary<string, Record> index, bool appendable,
        IReadOnlyDictionary<string, RenderedMarkdown>? memory = null, ConditionalWeakTable<string, Tuple<string, RenderedMarkdown>>? byText = null)
    {
        (_file, _index, _appendable, _stored, _memory, _byText) = (file, index, appendable, memory?.Count ?? index.Count, memory, byText);
    }

    /// <summary>Remembers which Markdown string each body came from, for <see cref="Next"/>.</summary>
    public bool Live
    {
        get => _byText is not null;
        init => _byText = value ? new() : null;
    }

    /// <summary>For the next build of a long-lived builder, after <see cref="Save"/>: this build's bodies, kept in memory
    /// rather than read from the file again (the file holds them, so it is appended to).</summary>
    public MarkdownCache Next(Action<int>? rendered) =>
        new([], new(StringComparer.Ordinal), true, new Dictionary<string, RenderedMarkdown>(_used, StringComparer.Ordinal), _byText ?? new())
        {
            Rendered = rendered,
        };

    /// <summary>Called after each body, with how many have been rendered so far (for progress).</summary>
    public Action<int>? Rendered { get; init; }

    /// <summary>Bodies taken from the cache.</summary>
    public int Hits => _hits;

    /// <summary>Bodies rendered afresh.</summary>
    public int Misses => _misses;

    /// <summary>An empty cache.</summary>
    public static MarkdownCache Empty(Action<int>? rendered = null, bool live = false) => new([], new(StringComparer.Ordinal), false) { Rendered = rendered, Live = live };

    /// <summary>Loads the cache in <paramref name="cacheDir"/>; empty when absent, damaged or from another generator.</summary>
    public static MarkdownCache Load(string cacheDir, Action<int>? rendered = null, bool live = false)
    {
        var path = Path.Combine(cacheDir, FileName);
        try
        {
            if (File.Exists(path))
            {
                var file = File.ReadAllBytes(path);
                var at = 0;
                if (Text(file, ref at) == Format && Text(file, ref at) == BuildFingerprint.Generator)
                {
                    var index = new Dictionary<string, Record>(StringComparer.Ordinal);
                    while (at < file.Length)
                    {
                        var key = Text(file, ref at);
                        if (!IsKey(key))
                        {
                            throw new FormatException("Damaged record.");
                        }

                        index[key] = new Record(Range(file, ref at), Range(file, ref at));
                    }

                    return new MarkdownCache(file, index, true) { Rendered = rendered, Live = live };
                }
            }
        }
        catch (Exception ex) when (ex is IOException or FormatException or DecoderFallbackException)
        {
            // A damaged cache (say, a torn append) only costs rendering again.
        }

        return Empty(rendered, live);
    }

    /// <summary>The HTML and plain text of <paramref name="markdown"/>, from the cache when it has been rendered before.</summary>
    public RenderedMarkdown Render(string markdown)
    {
        if (_byText is not null && _byText.TryGetValue(markdown, out var known) && _memory is not null && _memory.ContainsKey(known.Item1))
        {
            Interlocked.Increment(ref _hits);
            _used[known.Item1] = known.Item2;
            Rendered?.Invoke(_hits + _misses);
            return known.Item2;
        }

        var key = BuildFingerprint.Sha256(markdown);
        if (_memory is not null && _memory.TryGetValue(key, out var body))
        {
            Interlocked.Increment(ref _hits);
        }
        else if (_index.TryGetValue(key, out var record) && Decode(record) is { } decoded)
        {
            body = decoded;
            Interlocked.Increment(ref _hits);
        }
        else
        {
            body = _renderer.RenderBody(markdown);
            _new[key] = body;
            Interlocked.Increment(ref _misses);
        }

        _byText?.AddOrUpdate(markdown, Tuple.Create(key, body));
        _used[key] = body;
        Rendered?.Invoke(_hits + _misses);
        return body;
    }

    /// <summary>Lets go of the file read at load: every body the build needs has been asked for.</summary>
    public void DoneRendering()
    {
        (_file, _index) = ([], new(StringComparer.Ordinal));
    }

    /// <summary>Lets go of this build's bodies once they are saved (a one-off build, whose model then holds the only ones).</summary>
    public void LetGo()
    {
        _used.Clear();
        _new.Clear();
    }

    /// <summary>Saves what this build rendered: appended when the file is sound and mostly still in use, otherwise
    /// rewritten (in key order, so it is deterministic) with only the bodies this build used.</summary>
    public void Save(string cacheDir)
    {
        var path = Path.Combine(cacheDir, FileName);
        var stale = _stored - (_used.Count - _new.Count);
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

    private RenderedMarkdown? Decode(Record record)
    {
        var file = _file;
        var html = file.AsSpan(record.Html.Start, record.Html.Length);
        var text = file.AsSpan(record.Text.Start, record.Text.Length);
        if (!System.Text.Unicode.Utf8.IsValid(html) || !System.Text.Unicode.Utf8.IsValid(text))
        {
            return null; // rendered again
        }

        // Both stay UTF-8, as the build keeps them: copied out, not decoded.
        return new RenderedMarkdown(Utf8Html.FromUtf8(html.ToArray()), BodyText.FromUtf8(text.ToArray()));
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
            // As BinaryWriter writes a string: its UTF-8 length as a 7-bit encoded number, then the bytes.
            writer.Write7BitEncodedInt(body.Html.Bytes.Length);
            writer.Write(body.Html.Bytes);
            writer.Write7BitEncodedInt(body.Text.Bytes.Length);
            writer.Write(body.Text.Bytes);
        }
    }

    /// <summary>Where the string that <see cref="BinaryWriter.Write(string)"/> wrote at <paramref name="at"/> lies: its UTF-8
    /// length as a 7-bit encoded number, then the bytes.</summary>
    private static (int Start, int Length) Range(byte[] file, ref int at)
    {
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (at >= file.Length || shift > 28)
            {
                throw new FormatException("Damaged length.");
            }

            var b = file[at++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        if (length < 0 || length > file.Length - at)
        {
            throw new FormatException("Damaged record.");
        }

        var start = at;
        at += length;
        return (start, length);
    }

    private static string Text(byte[] file, ref int at)
    {
        var (start, length) = Range(file, ref at);
        return StrictUtf8.GetString(file, start, length);
    }

    private static bool IsKey(string key) => key.Length == 64 && key.All(char.IsAsciiHexDigitLower);

    /// <summary>Where a body's HTML and text lie in the file.</summary>
    private readonly record struct Record((int Start, int Length) Html, (int Start, int Length) Text);
}
