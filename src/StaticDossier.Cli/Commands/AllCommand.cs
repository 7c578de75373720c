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
        var code = IngestCommand.Run(parse);
        return code != 0 ? code : BuildCommand.Run(parse);
    }
}
