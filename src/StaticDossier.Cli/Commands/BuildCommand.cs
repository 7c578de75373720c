using System.CommandLine;
using StaticDossier.Building;
using StaticDossier.Config;
using StaticDossier.Diagnostics;

namespace StaticDossier.Cli.Commands;

/// <summary><c>dossier build</c>: content/ → _site/.</summary>
internal static class BuildCommand
{
    private static readonly Option<string?> Content = CommonOptions.Folder("--content", "Folder of content pages (default: content_dir in site.yml)");
    private static readonly Option<string?> Out = CommonOptions.Folder("--out", "Folder to write the site to (default: output_dir, _site)");
    private static readonly Option<bool> NoCache = new("--no-cache") { Description = "Render every page from scratch, ignoring the build cache" };

    public static Command Create()
    {
        var command = new Command("build", "Render content pages into the static site; the previous site stays if the build fails.")
        {
            Content, Out, NoCache,
        };
        command.SetAction(Run);
        return command;
    }

    public static int Run(ParseResult parse) => CommonOptions.WithConfig(parse, (config, diagnostics) =>
    {
        if (WithFolders(parse, config, diagnostics) is not { } withFolders)
        {
            return CommonOptions.Finish(parse, diagnostics, succeeded: false);
        }

        config = withFolders;
        var progress = new ProgressReporter();
        var summary = new SiteBuilder(config)
        {
            Cache = parse.GetValue(NoCache) ? BuildCacheMode.Refresh : BuildCacheMode.Reuse,
            Progress = progress.Report,
        }.Build(diagnostics);
        progress.Finish(summary, diagnostics, config.OutputPath);
        return CommonOptions.Finish(parse, diagnostics, summary.Succeeded);
    });

    /// <summary>The config with --content and --out applied; null, with diagnostics, when either is unusable or the
    /// output folder may not be replaced: refused before any work starts.</summary>
    public static SiteConfig? WithFolders(ParseResult parse, SiteConfig config, DiagnosticBag diagnostics) =>
        WithFolders(parse, config, Content, Out, diagnostics);

    /// <inheritdoc cref="WithFolders(ParseResult, SiteConfig, DiagnosticBag)"/>
    public static SiteConfig? WithFolders(ParseResult parse, SiteConfig config, Option<string?> contentOption, Option<string?> outOption, DiagnosticBag diagnostics)
    {
        var content = CommonOptions.PathOr(parse, contentOption, config.ContentDir, diagnostics);
        var output = CommonOptions.PathOr(parse, outOption, config.OutputDir, diagnostics);
        if (content is null || output is null)
        {
            return null;
        }

        config = config with { ContentDir = content, OutputDir = output };
        return PathArguments.OutputAllowed(config, diagnostics) ? config : null;
    }
}
