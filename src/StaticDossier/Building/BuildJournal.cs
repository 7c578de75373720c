using System.Text.Json;
using System.Text.Json.Serialization;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;

namespace StaticDossier.Building;

/// <summary>What each save of <c>serve</c> changed in the build state, after the <c>build.json</c> it follows
/// (<c>.{output}.cache/build.journal</c>): a first line naming that state's <see cref="BuildState.Id"/>, then one JSON line
/// per save with its inputs' fingerprint, its diagnostics and only the output records that changed (a removed output: null),
/// or a line that forgets the state while a save publishes. A save at 10,000 articles wrote all 22,156 records again
/// (1.6 MB, written through); now a line of the few it changed. The file is written whole again (compacted) by a
/// one-off build, by the first save of a <c>serve</c>, and once the journal outgrows half the state.
/// <para>A crash leaves the journal readable up to some line: a torn last line, a last line that forgets, or a first line
/// naming another state make the whole state untrusted (the next build is a full one); a lost line leaves an older state,
/// whose records the outputs written since no longer match, which <see cref="BuildState.OutputsIntact"/> sees.</para></summary>
internal static class BuildJournal
{
    private const string FileName = "build.journal";

    /// <summary>One line of the journal.</summary>
    internal sealed class Entry
    {
        /// <summary>The first line only: the <see cref="BuildState.Id"/> of the <c>build.json</c> the journal follows.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        [JsonPropertyName("base")]
        public string? Base { get; init; }

        /// <summary>Nothing is to be trusted until a later line: a save is publishing.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        [JsonPropertyName("forget")]
        public bool Forget { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        [JsonPropertyName("inputs")]
        public string? Inputs { get; init; }

        /// <summary>The records that changed; null for an output no longer made.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        [JsonPropertyName("outputs")]
        public Dictionary<string, OutputRecord?>? Outputs { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        [JsonPropertyName("diagnostics")]
        public List<Diagnostic>? Diagnostics { get; init; }
    }

    /// <summary>Deletes the journal (before its state is replaced or forgotten).</summary>
    public static void Delete(string cacheDir)
    {
        var path = Path.Combine(cacheDir, FileName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary><paramref name="state"/> (as loaded from <c>build.json</c>, its outputs a copy of its own) with every save
    /// of its journal applied; null when the journal says not to trust it.</summary>
    /// <exception cref="JsonException">A damaged line.</exception>
    public static BuildState? Replay(string cacheDir, BuildState state)
    {
        var path = Path.Combine(cacheDir, FileName);
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : [];
        if (bytes.Length == 0)
        {
            return state;
        }

        if (bytes[^1] != (byte)'\n')
        {
            return null; // torn
        }

        var (inputs, outputs, diagnostics, trusted) = (state.Inputs, state.Outputs, state.Diagnostics, true);
        var start = 0;
        for (var line = 0; start < bytes.Length; line++)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var entry = JsonSerializer.Deserialize(bytes.AsSpan(start, end - start), BuildStateJson.Default.Entry) ?? throw new JsonException("Empty line.");
            start = end + 1;
            if (line == 0)
            {
                if (entry.Base != state.Id || state.Id.Length == 0)
                {
                    return null; // written after another state
                }

                continue;
            }

            if (entry.Forget)
            {
                trusted = false;
                continue;
            }

            inputs = entry.Inputs ?? throw new JsonException("A save without its inputs.");
            foreach (var (output, record) in entry.Outputs ?? throw new JsonException("A save without its outputs."))
            {
                if (record is null)
                {
                    outputs.Remove(output);
                }
                else
                {
                    outputs[output] = record;
                }
            }

            diagnostics = entry.Diagnostics ?? [];
            trusted = true;
        }

        return trusted
            ? new BuildState { Id = state.Id, Generator = state.Generator, Inputs = inputs, Outputs = outputs, Diagnostics = diagnostics, JournalLength = bytes.Length }
            : null;
    }

    /// <summary>Appends a line that forgets <paramref name="state"/> until the next save; the journal's new length, or -1
    /// when the journal on disk is not the one <paramref name="state"/> holds (nothing is written then).</summary>
    public static long Forget(string cacheDir, BuildState state, long length) =>
        Append(cacheDir, state, length, new Entry { Forget = true }, durable: false);

    /// <summary>The state after a save that published <paramref name="outputs"/>, appended to the journal of
    /// <paramref name="previous"/> (whose journal on disk is <paramref name="length"/> bytes long) as the records that
    /// changed; null when the journal on disk is not that one, or has outgrown half the state (it is then written whole).</summary>
    public static BuildState? Save(string cacheDir, BuildState previous, long length, string inputs, Dictionary<string, OutputRecord> outputs, List<Diagnostic> diagnostics)
    {
        if (previous.Id.Length == 0 || length < 0 || length > 32L * Math.Max(previous.Outputs.Count, 1000))
        {
            return null;
        }

        var changed = new Dictionary<string, OutputRecord?>(StringComparer.Ordinal);
        foreach (var (output, record) in outputs)
        {
            if (!previous.Outputs.TryGetValue(output, out var before) || !before.Equals(record))
            {
                changed[output] = record;
            }
        }

        foreach (var output in previous.Outputs.Keys)
        {
            if (!outputs.ContainsKey(output))
            {
                changed[output] = null;
            }
        }

        var entry = new Entry { Inputs = inputs, Outputs = changed, Diagnostics = diagnostics };
        var now = Append(cacheDir, previous, length, entry, durable: true);
        return now < 0 ? null : new BuildState { Id = previous.Id, Generator = previous.Generator, Inputs = inputs, Outputs = outputs, Diagnostics = diagnostics, JournalLength = now };
    }

    private static long Append(string cacheDir, BuildState state, long length, Entry entry, bool durable)
    {
        if (state.Id.Length == 0 || length < 0)
        {
            return -1;
        }

        var path = Path.Combine(cacheDir, FileName);
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 1 << 12, durable ? FileOptions.WriteThrough : FileOptions.None);
        if (stream.Length != length)
        {
            return -1;
        }

        stream.Seek(0, SeekOrigin.End);
        var lines = new MemoryStream();
        if (length == 0)
        {
            JsonSerializer.Serialize(lines, new Entry { Base = state.Id }, BuildStateJson.Default.Entry);
            lines.WriteByte((byte)'\n');
        }

        JsonSerializer.Serialize(lines, entry, BuildStateJson.Default.Entry);
        lines.WriteByte((byte)'\n');
        lines.Position = 0;
        lines.CopyTo(stream);
        return stream.Length;
    }
}
