using System.CommandLine;
using StaticDossier.Building;

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
        config = config with
        {
            ContentDir = parse.GetValue(Content) is { } c ? Path.GetFullPath(c) : config.ContentDir,
            OutputDir = parse.GetValue(Out) is { } o ? Path.GetFullPath(o) : config.OutputDir,
        };
        var progress = new ProgressReporter();
        var summary = new SiteBuilder(config)
        {
            Cache = parse.GetValue(NoCache) ? BuildCacheMode.Refresh : BuildCacheMode.Reuse,
            Progress = progress.Report,
        }.Build(diagnostics);
        progress.Finish(summary, diagnostics, config.OutputPath);
        return CommonOptions.Finish(parse, diagnostics, summary.Succeeded);
    });
}
