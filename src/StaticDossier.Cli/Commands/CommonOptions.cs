using System.CommandLine;
using StaticDossier.Config;
using StaticDossier.Diagnostics;

namespace StaticDossier.Cli.Commands;

/// <summary>Options every command shares, and the load-config-then-report plumbing.</summary>
internal static class CommonOptions
{
    public static readonly Option<string> Config = new("--config", "-c")
    {
        Description = "Path to site.yml",
        DefaultValueFactory = _ => "site.yml",
        Recursive = true,
    };

    public static readonly Option<bool> WarnAsError = new("--warnaserror")
    {
        Description = "Treat warnings as errors",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "On an internal error, print its details (stack trace) too",
        Recursive = true,
    };

    public static Option<string?> Folder(string name, string description) => new(name) { Description = description };

    /// <summary>Loads site.yml, printing diagnostics; null when it is unusable.</summary>
    public static SiteConfig? LoadConfig(ParseResult parse, DiagnosticBag diagnostics) =>
        PathArguments.TryResolve(parse.GetValue(Config), "--config", diagnostics, out var path) ? SiteConfigLoader.Load(path!, diagnostics) : null;

    /// <summary>The full path given to <paramref name="option"/>, or <paramref name="fallback"/> when it was left out;
    /// null (with SD0104) when the value cannot be a path.</summary>
    public static string? PathOr(ParseResult parse, Option<string?> option, string fallback, DiagnosticBag diagnostics) =>
        PathArguments.TryResolve(parse.GetValue(option), option.Name, diagnostics, out var full) ? full ?? fallback : null;

    /// <summary>Loads site.yml and runs <paramref name="body"/> with it; when site.yml is unusable, prints why and fails.</summary>
    public static int WithConfig(ParseResult parse, Func<SiteConfig, DiagnosticBag, int> body)
    {
        var diagnostics = new DiagnosticBag();
        var config = LoadConfig(parse, diagnostics);
        return config is null ? Finish(parse, diagnostics) : body(config, diagnostics);
    }

    /// <summary>Prints every diagnostic (errors to stderr) and returns the exit code.</summary>
    public static int Finish(ParseResult parse, DiagnosticBag diagnostics, bool succeeded = true)
    {
        foreach (var d in diagnostics.Sorted())
        {
            var writer = d.Severity == DiagnosticSeverity.Error ? Console.Error : Console.Out;
            writer.WriteLine(d.ToString());
        }

        var failed = !succeeded || diagnostics.HasErrors ||
                     (parse.GetValue(WarnAsError) && diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning));
        return failed ? 1 : 0;
    }
}
