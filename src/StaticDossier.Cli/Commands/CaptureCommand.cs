using System.CommandLine;
using StaticDossier.Diagnostics;
using StaticDossier.Gathering;

namespace StaticDossier.Cli.Commands;

/// <summary><c>dossier capture URL… [--from FILE]</c>: fetch pages into seeds/ with their provenance, then ingest.</summary>
internal static class CaptureCommand
{
    private static readonly Argument<string[]> Urls = new("URL")
    {
        Description = "Addresses of the pages to capture",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string?> From = new("--from") { Description = "A file of addresses, one a line (blank lines and lines starting with # are ignored)" };
    private static readonly Option<string?> Seeds = CommonOptions.Folder("--seeds", "Folder to save seeds in (default: seeds_dir in site.yml)");
    private static readonly Option<bool> IgnoreRobots = new("--ignore-robots")
    {
        Description = "Fetch pages even where the site's robots.txt asks crawlers not to: only for pages you have the right to keep",
    };

    private static readonly Option<bool> NoIngest = new("--no-ingest") { Description = "Only save the seeds; do not ingest them" };
    private static readonly Option<int> Timeout = new("--timeout")
    {
        Description = "Seconds to wait for each page, redirects and robots.txt included",
        DefaultValueFactory = _ => 30,
    };

    public static Command Create()
    {
        var command = new Command("capture", "Fetch web pages into seeds/ (the bytes as received, with a sidecar recording where, when and how), then ingest them.")
        {
            Urls, From, Seeds, IgnoreRobots, NoIngest, Timeout,
        };
        command.SetAction(Run);
        return command;
    }

    public static int Run(ParseResult parse) => CommonOptions.WithConfig(parse, (config, diagnostics) =>
    {
        config = config with { SeedsDir = parse.GetValue(Seeds) is { } s ? Path.GetFullPath(s) : config.SeedsDir };
        var requests = Requests(parse, diagnostics);
        if (requests is null)
        {
            return CommonOptions.Finish(parse, diagnostics, succeeded: false);
        }

        var seconds = parse.GetValue(Timeout);
        if (seconds is < 1 or > 3600)
        {
            diagnostics.Error(DiagnosticCodes.CaptureFailed, $"--timeout must be between 1 and 3600 seconds; got {seconds}.", SourceLocation.None);
            return CommonOptions.Finish(parse, diagnostics, succeeded: false);
        }

        var options = new CaptureOptions { IgnoreRobots = parse.GetValue(IgnoreRobots), Timeout = TimeSpan.FromSeconds(seconds) }.ForDossier(config.BaseUrl);
        var capturer = new PageCapturer(options, config.SeedsPath, config.RootDirectory)
        {
            Progress = (index, total, outcome) => Console.WriteLine($"capture: [{index}/{total}] {outcome.Request.Text}: " +
                (outcome.Failure is not null ? "failed" : outcome.Created ? $"saved as {outcome.Seed}" : $"unchanged ({outcome.Seed})")),
        };
        var outcomes = capturer.CaptureAsync(requests, diagnostics).GetAwaiter().GetResult();
        var failed = outcomes.Count(o => o.Failure is not null);
        var created = outcomes.Count(o => o.Created);
        Console.WriteLine($"capture: {created} saved, {outcomes.Count - created - failed} unchanged, {failed} failed");
        if (created > 0 && !parse.GetValue(NoIngest))
        {
            IngestCommand.Ingest(config, diagnostics);
        }

        return CommonOptions.Finish(parse, diagnostics, succeeded: failed == 0);
    });

    private static List<CaptureRequest>? Requests(ParseResult parse, DiagnosticBag diagnostics)
    {
        var requests = (parse.GetValue(Urls) ?? []).Select(u => new CaptureRequest(u, SourceLocation.None)).ToList();
        if (parse.GetValue(From) is { } from)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(from);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticCodes.CaptureFailed, $"Cannot read the list of addresses: {ex.Message}", SourceLocation.InFile(from));
                return null;
            }

            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length > 0 && !line.StartsWith('#'))
                {
                    requests.Add(new CaptureRequest(line, new SourceLocation(from, i + 1, 1)));
                }
            }
        }

        if (requests.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.CaptureFailed, "Nothing to capture: give one or more addresses, or --from FILE with one address a line.", SourceLocation.None);
            return null;
        }

        return requests;
    }
}
