using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using StaticDossier.Building;

namespace StaticDossier.Cli.Commands;

/// <summary><c>dossier ingest</c>: seeds → content/.</summary>
internal static class IngestCommand
{
    private static readonly Option<string?> Seeds = CommonOptions.Folder("--seeds", "Folder of seeds (default: seeds_dir in site.yml)");
    private static readonly Option<string?> Content = CommonOptions.Folder("--content", "Folder to write content pages to (default: content_dir)");
    private static readonly Option<bool> Force = new("--force") { Description = "Overwrite content pages even where a curator edited them" };

    public static Command Create()
    {
        var command = new Command("ingest", "Clean every seed into a Markdown content page; curated pages are never overwritten.")
        {
            Seeds, Content, Force,
        };
        command.SetAction(Run);
        return command;
    }

    public static int Run(ParseResult parse) => CommonOptions.WithConfig(parse, (config, diagnostics) =>
    {
        var seeds = CommonOptions.PathOr(parse, Seeds, config.SeedsDir, diagnostics);
        var content = CommonOptions.PathOr(parse, Content, config.ContentDir, diagnostics);
        if (seeds is null || content is null)
        {
            return CommonOptions.Finish(parse, diagnostics, succeeded: false);
        }

        Ingest(config with { SeedsDir = seeds, ContentDir = content }, diagnostics, parse.GetValue(Force));
        return CommonOptions.Finish(parse, diagnostics);
    });

    /// <summary>Ingests with progress and a summary line (also run by capture and import).</summary>
    public static void Ingest(Config.SiteConfig config, Diagnostics.DiagnosticBag diagnostics, bool force = false)
    {
        var clock = Stopwatch.StartNew();
        var progress = new ProgressReporter("ingest");
        var report = new Ingestor(config) { Progress = (done, total) => progress.Report(new BuildProgress("cleaning", done, total)) }
            .Run(diagnostics, force);
        progress.Finish();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest: {report} in {clock.Elapsed.TotalSeconds:0.00} s; {ProgressReporter.Tally(diagnostics)}"));
        if (report.Timings is { } timings)
        {
            Console.WriteLine(timings);
        }
    }
}
