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
            var all = new DiagnosticBag();
            var cleaned = SeedCleaner.For(config).CleanAll(siblings.Any(s => s.Path == seed.Path) ? siblings : [seed], all)
                .First(c => c.Seed.Path == seed.Path);
            // What the other seeds' cleaning said is theirs to explain.
            foreach (var d in all.Where(d => d.Location.Path == seed.Path))
            {
                diagnostics.Add(d);
            }

            Console.Write(DecisionReport.Explain(cleaned));
        }

        return CommonOptions.Finish(parse, diagnostics);
    });
}
