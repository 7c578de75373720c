// Timed harnesses run by hand (`dotnet run -c Release --project tests/StaticDossier.Benchmarks -- <name> [args]`);
// speed targets live here, never in unit tests.

var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    // Each harness registers itself here: ["name"] = Harness.Run,
    ["snapshot"] = StaticDossier.Benchmarks.SnapshotHarness.Run,
    ["cleaning"] = StaticDossier.Benchmarks.CleaningHarness.Run,
    ["render"] = StaticDossier.Benchmarks.RenderHarness.Run,
    ["corpus"] = StaticDossier.Benchmarks.Corpus.CorpusWriter.Run,
    ["phases"] = StaticDossier.Benchmarks.PhasesHarness.Run,
    ["sanitizer"] = StaticDossier.Benchmarks.SanitizerProbe.Run,
    ["templates"] = StaticDossier.Benchmarks.TemplateProbe.Run,
    ["writes"] = StaticDossier.Benchmarks.WriteProbe.Run,
    ["breakdown"] = StaticDossier.Benchmarks.BreakdownHarness.Run,
    ["related-recall"] = StaticDossier.Benchmarks.RelatedRecallHarness.Run,
    ["allocations"] = StaticDossier.Benchmarks.AllocationHarness.Run,
    ["search-browser"] = StaticDossier.Benchmarks.SearchBrowserHarness.Run,
    ["screenshots"] = StaticDossier.Benchmarks.ScreenshotHarness.Run,
    ["includes"] = StaticDossier.Benchmarks.IncludesHarness.Run,
    ["serve-edit"] = StaticDossier.Benchmarks.ServeEditHarness.Run,
    ["live-model"] = StaticDossier.Benchmarks.LiveModelHarness.Run,
    ["link-scans"] = StaticDossier.Benchmarks.LinkScansHarness.Run,
    ["retained"] = StaticDossier.Benchmarks.RetainedHarness.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: StaticDossier.Benchmarks <{string.Join('|', benchmarks.Keys.Order(StringComparer.Ordinal))}> [args]");
    return 2;
}

return run(args[1..]);
