using System.CommandLine;
using StaticDossier.Cleaning;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;

namespace StaticDossier.Cli.Commands;

/// <summary><c>dossier explain SEED</c>: every block of a seed with kept/removed, role, rule and reason.</summary>
internal static class ExplainCommand
{
    private static readonly Argument<string> Seed = new("seed") { Description = "The seed file to explain (.txt or .html)" };

    public static Command Create()
    {
        var command = new Command("explain", "Show what cleaning keeps and removes from a seed, block by block, and why.")
        {
            Seed,
        };
        command.SetAction(Run);
        return command;
    }

    public static int Run(ParseResult parse) => CommonOptions.WithConfig(parse, (config, diagnostics) =>
    {
        if (!PathArguments.TryResolve(parse.GetValue(Seed), "explain", diagnostics, out var file))
        {
            return CommonOptions.Finish(parse, diagnostics, succeeded: false);
        }

        var reader = new SeedReader(config.RootDirectory);
        var seed = reader.Read(file!, diagnostics);
        if (seed is not null)
        {
            // Clean it as ingest does: beside the other seeds of its folder, so repeated lines count.
            var folder = Path.GetDirectoryName(file!)!;
            var siblings = reader.ReadAll(folder, new DiagnosticBag());
            var cleaned = new SeedCleaner(config.Events).CleanAll(siblings.Any(s => s.Path == seed.Path) ? siblings : [seed], diagnostics)
                .First(c => c.Seed.Path == seed.Path);
            Console.Write(DecisionReport.Explain(cleaned));
        }

        return CommonOptions.Finish(parse, diagnostics);
    });
}
