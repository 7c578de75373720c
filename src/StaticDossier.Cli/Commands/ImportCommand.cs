using System.CommandLine;
using StaticDossier.Diagnostics;
using StaticDossier.Gathering;

namespace StaticDossier.Cli.Commands;

/// <summary><c>dossier import FILE.warc[.gz]|FILE.wacz [--url-glob PATTERN]</c>: pages from a web archive into seeds/, then ingest.</summary>
internal static class ImportCommand
{
    private static readonly Argument<string> Archive = new("FILE") { Description = "A WARC (.warc or .warc.gz) or a WACZ package" };
    private static readonly Option<string?> UrlGlob = new("--url-glob")
    {
        Description = "Only pages whose address matches this pattern (* any run of characters, ? one), e.g. 'https://vnexpress.net/*'",
    };

    private static readonly Option<string?> Seeds = CommonOptions.Folder("--seeds", "Folder to save seeds in (default: seeds_dir in site.yml)");
    private static readonly Option<bool> NoIngest = new("--no-ingest") { Description = "Only save the seeds; do not ingest them" };

    public static Command Create()
    {
        var command = new Command("import", "Take the HTML pages out of a web archive (WARC or WACZ) into seeds/, each with a sidecar naming the archive and record, then ingest them.")
        {
            Archive, UrlGlob, Seeds, NoIngest,
        };
        command.SetAction(Run);
        return command;
    }

    public static int Run(ParseResult parse) => CommonOptions.WithConfig(parse, (config, diagnostics) =>
    {
        config = config with { SeedsDir = parse.GetValue(Seeds) is { } s ? Path.GetFullPath(s) : config.SeedsDir };
        var archive = parse.GetValue(Archive)!;
        if (!File.Exists(archive))
        {
            diagnostics.Error(DiagnosticCodes.ArchiveUnreadable, "No such archive file.", SourceLocation.InFile(archive));
            return CommonOptions.Finish(parse, diagnostics, succeeded: false);
        }

        var report = new ArchiveImporter(config.SeedsPath, config.RootDirectory).Import(archive, parse.GetValue(UrlGlob), diagnostics);
        foreach (var seed in report.Created)
        {
            Console.WriteLine($"import: saved {seed}");
        }

        Console.WriteLine($"import: {archive}: {report}");
        if (report.Created.Count > 0 && !parse.GetValue(NoIngest))
        {
            IngestCommand.Ingest(config, diagnostics);
        }

        return CommonOptions.Finish(parse, diagnostics);
    });
}
