using System.Text.Json;
using System.Text.Json.Serialization;
using StaticDossier.Diagnostics;
using StaticDossier.IO;
using StaticDossier.Publishing;

namespace StaticDossier.Building;

/// <summary>What the last successful build wrote, kept beside the output folder (<c>.{output}.cache/build.json</c>), and
/// after it what each save of <c>serve</c> changed (<see cref="BuildJournal"/>).</summary>
internal sealed class BuildState
{
    private const string FileName = "build.json";

    /// <summary>Names this state's <c>build.json</c>, made afresh each time it is written whole: a journal belongs to it.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>How many bytes of the journal this state holds, from the start of the file (0: none).</summary>
    [JsonIgnore]
    internal long JournalLength { get; init; }

    /// <summary>The generator that wrote this state; another generator's state is ignored.</summary>
    [JsonPropertyName("generator")]
    public string Generator { get; init; } = string.Empty;

    /// <summary>The fingerprint of the inputs of that build.</summary>
    [JsonPropertyName("inputs")]
    public string Inputs { get; init; } = string.Empty;

    /// <summary>Every file of the published site.</summary>
    [JsonPropertyName("outputs")]
    public Dictionary<string, OutputRecord> Outputs { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The warnings and notes that build reported, replayed when it is skipped.</summary>
    [JsonPropertyName("diagnostics")]
    public List<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Whether a build left its state in <paramref name="cacheDir"/> (without reading it).</summary>
    public static bool Exists(string cacheDir) => File.Exists(Path.Combine(cacheDir, FileName));

    /// <summary>Loads the state in <paramref name="cacheDir"/>; null when absent, damaged or from another generator.</summary>
    public static BuildState? Load(string cacheDir)
    {
        var path = Path.Combine(cacheDir, FileName);
        try
        {
            var state = File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), BuildStateJson.Default.BuildState) : null;
            return state is not null && state.Generator == BuildFingerprint.Generator
                ? BuildJournal.Replay(cacheDir, new BuildState { Id = state.Id, Generator = state.Generator, Inputs = state.Inputs, Outputs = new(state.Outputs, StringComparer.Ordinal), Diagnostics = state.Diagnostics })
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException)
        {
            // A damaged cache only costs a full build.
            return null;
        }
    }

    /// <summary>Saves whole and atomically, under a new <see cref="Id"/>. The journal of the state it replaces goes first:
    /// a crash in between leaves that state without its saves, which the outputs on disk no longer match.</summary>
    public void Save(string cacheDir)
    {
        BuildJournal.Delete(cacheDir);
        Id = Guid.NewGuid().ToString("N");
        AtomicFile.WriteAllBytes(Path.Combine(cacheDir, FileName), JsonSerializer.SerializeToUtf8Bytes(this, BuildStateJson.Default.BuildState));
    }

    /// <summary>Deletes the state, so that nothing is trusted until the next successful build.</summary>
    public static void Forget(string cacheDir)
    {
        BuildJournal.Delete(cacheDir);
        var path = Path.Combine(cacheDir, FileName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>True when every recorded output is still on disk exactly as that build left it, and nothing else is
    /// (a full build would remove a stray file).</summary>
    public bool OutputsIntact(string outputDir)
    {
        if (!Directory.Exists(outputDir) || Directory.EnumerateFiles(outputDir, "*", SearchOption.AllDirectories)
                .Count(f => !Publishing.OutputFolderGuard.IsStamp(Path.GetRelativePath(outputDir, f))) != Outputs.Count)
        {
            return false;
        }

        var intact = true;
        Parallel.ForEach(Outputs, (entry, loop) =>
        {
            if (!entry.Value.Matches(new FileInfo(Path.Combine(outputDir, entry.Key))))
            {
                intact = false;
                loop.Stop();
            }
        });
        return intact;
    }
}

/// <summary>The state's JSON, generated at compile time: a no-change rebuild reads it first thing and a full build writes
/// it last, each on one core, where reflection's serializer first had to be built (a few hundred methods compiled at run
/// time, types inspected, accessors emitted).</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(BuildState))]
[JsonSerializable(typeof(BuildJournal.Entry))]
internal sealed partial class BuildStateJson : JsonSerializerContext;
