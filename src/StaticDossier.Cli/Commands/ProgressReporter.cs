using System.Diagnostics;
using System.Globalization;
using StaticDossier.Building;
using StaticDossier.Diagnostics;

namespace StaticDossier.Cli.Commands;

/// <summary>Shows a build's progress: a count rewritten in place on a terminal, one plain line per phase when
/// output is redirected (logs and CI stay readable), and a summary line at the end.</summary>
internal sealed class ProgressReporter
{
    private readonly Lock _lock = new();
    private readonly bool _interactive = !Console.IsOutputRedirected;
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private readonly string _verb;
    private string? _phase;
    private bool _lineOpen;

    public ProgressReporter(string verb = "build") => _verb = verb;

    public void Report(BuildProgress progress)
    {
        lock (_lock)
        {
            var newPhase = progress.Phase != _phase;
            _phase = progress.Phase;
            if (!_interactive)
            {
                if (newPhase)
                {
                    Console.WriteLine($"{_verb}: {progress.Phase}…");
                }

                return;
            }

            if (!newPhase && _sinceDraw.ElapsedMilliseconds < 100)
            {
                return;
            }

            _sinceDraw.Restart();
            var count = progress.Total > 0 ? $" {progress.Done}/{progress.Total}" : progress.Done > 0 ? $" {progress.Done}" : string.Empty;
            Console.Write($"\r{_verb}: {progress.Phase}{count}\u001b[K");
            _lineOpen = true;
        }
    }

    /// <summary>Ends the in-place line.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_lineOpen)
            {
                Console.Write("\r\u001b[K");
                _lineOpen = false;
            }
        }
    }

    /// <summary>Ends the in-place line and prints the summary.</summary>
    public void Finish(BuildSummary summary, DiagnosticBag diagnostics, string outputPath)
    {
        Finish();
        Console.WriteLine(Summarise(summary, diagnostics, outputPath));
    }

    public static string Tally(DiagnosticBag diagnostics)
    {
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        return $"{warnings} warning{(warnings == 1 ? "" : "s")}, {errors} error{(errors == 1 ? "" : "s")}";
    }

    public static string Summarise(BuildSummary summary, DiagnosticBag diagnostics, string outputPath) =>
        summary.Timings is { } timings ? SummariseBuild(summary, diagnostics, outputPath) + "\n" + timings : SummariseBuild(summary, diagnostics, outputPath);

    private static string SummariseBuild(BuildSummary summary, DiagnosticBag diagnostics, string outputPath)
    {
        var seconds = summary.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var tail = Tally(diagnostics);
        if (!summary.Succeeded)
        {
            return $"build: failed after {seconds} s; the previous site was left as it was ({tail})";
        }

        if (summary.UpToDate)
        {
            return $"build: up to date, {summary.Files} files in {outputPath} ({seconds} s; {tail})";
        }

        return $"build: {summary.Files} files in {outputPath}: {summary.Written} written, {summary.Unchanged} unchanged, " +
               $"{summary.Removed} removed; {summary.RenderedBodies} articles rendered, {summary.CachedBodies} from cache ({seconds} s; {tail})";
    }
}
