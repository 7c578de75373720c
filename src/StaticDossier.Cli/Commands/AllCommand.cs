using System.CommandLine;

namespace StaticDossier.Cli.Commands;

/// <summary><c>dossier all</c> (and plain <c>dossier</c>): ingest, then build.</summary>
internal static class AllCommand
{
    public static Command Create()
    {
        var command = new Command("all", "Ingest the seeds, then build the site (what running 'dossier' alone does).");
        command.SetAction(Run);
        return command;
    }

    public static int Run(ParseResult parse)
    {
        // An output folder the build would refuse is refused before ingest changes anything.
        var diagnostics = new StaticDossier.Diagnostics.DiagnosticBag();
        if (CommonOptions.LoadConfig(parse, diagnostics) is { } config && !PathArguments.OutputAllowed(config, diagnostics))
        {
            return CommonOptions.Finish(parse, diagnostics, succeeded: false);
        }

        var code = IngestCommand.Run(parse);
        return code != 0 ? code : BuildCommand.Run(parse);
    }
}
