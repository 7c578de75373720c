using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace StaticDossier.Serving;

/// <summary>Compiles ahead, after <c>serve</c>'s first build, the code only a save runs: the CLI runs without tiered
/// compilation, so a method is compiled (fully optimised) when first called, and a full build never calls the memos'
/// patch paths (the related lists' reach, the names index's patch, the search entries' patch, the in-place writes).
/// The first save paid for compiling them, some 0.2 s on this machine. Methods already compiled cost nothing here;
/// generic ones (compiled per instantiation) are left. Nothing to do where code is compiled ahead of time (Native AOT).</summary>
internal static class ColdPaths
{
    private static readonly string[] First = ["StaticDossier.Analysis", "StaticDossier.Rendering.Incremental", "StaticDossier.Rendering.Search", "StaticDossier.Publishing", "StaticDossier.Building"];

    // Stages a save does not reach: ingest and its cleaning, archives and seeds' gathering.
    private static readonly string[] Skipped = ["StaticDossier.Cleaning", "StaticDossier.Ingesting", "StaticDossier.Warc", "StaticDossier.Gathering", "StaticDossier.Repairing", "StaticDossier.Archiving"];

    /// <summary>Compiles the library's methods on a background thread, pausing while <paramref name="building"/> says a
    /// build runs (a save's build has both cores); returns how many were prepared.</summary>
    public static Task<int> WarmInBackground(Func<bool> building, CancellationToken cancel)
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled)
        {
            return Task.FromResult(0);
        }

        var warming = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var prepared = Warm(building, cancel);
            Building.BuildTimings.Note("warm save paths", $"{prepared} methods prepared after the first build in {clock.ElapsedMilliseconds} ms");
            warming.SetResult(prepared);
        })
        { IsBackground = true, Priority = ThreadPriority.Lowest, Name = "warm save paths" };
        thread.Start();
        return warming.Task;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The library is kept whole (TrimmerRootAssembly); under Native AOT nothing runs here.")]
    [UnconditionalSuppressMessage("Trimming", "IL2065", Justification = "As above: every type of the library is kept.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above: every type of the library is kept.")]
    private static int Warm(Func<bool> building, CancellationToken cancel)
    {
        var prepared = 0;
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        // The stages of a save's own paths first: the memos, the search index's patch, the writes.
        var types = typeof(ColdPaths).Assembly.GetTypes().OrderBy(t => Array.FindIndex(First, f => t.Namespace?.StartsWith(f, StringComparison.Ordinal) == true) is var at and >= 0 ? at : First.Length);
        foreach (var type in types)
        {
            if (type.ContainsGenericParameters || type == typeof(Ingestor) || Array.Exists(Skipped, s => type.Namespace?.StartsWith(s, StringComparison.Ordinal) == true))
            {
                continue;
            }

            foreach (var method in type.GetMethods(all))
            {
                while (building() && !cancel.IsCancellationRequested)
                {
                    Thread.Sleep(5);
                }

                if (cancel.IsCancellationRequested)
                {
                    return prepared;
                }

                // Abstract, extern or runtime-provided: nothing of the library's to compile (asked without reading the IL,
                // which would allocate while a save may be building).
                if (method.IsAbstract || method.ContainsGenericParameters || (method.Attributes & MethodAttributes.PinvokeImpl) != 0
                    || (method.MethodImplementationFlags & (MethodImplAttributes.InternalCall | MethodImplAttributes.Runtime)) != 0)
                {
                    continue;
                }

                try
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    prepared++;
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException or BadImageFormatException or TypeLoadException)
                {
                    // A method the runtime will not compile ahead is compiled when first called, as before.
                }
            }
        }

        return prepared;
    }
}
