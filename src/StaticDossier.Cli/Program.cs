using System.CommandLine;
using StaticDossier.Cli.Commands;

var root = new RootCommand("StaticDossier: turns seeds (saved news pages) into a curated, linked static site.");
root.Options.Add(CommonOptions.Config);
root.Options.Add(CommonOptions.WarnAsError);
root.Options.Add(CommonOptions.Verbose);
root.Subcommands.Add(CaptureCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(BuildCommand.Create());
root.Subcommands.Add(AllCommand.Create());
root.Subcommands.Add(SnapshotCommand.Create());
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(ExplainCommand.Create());
root.Subcommands.Add(ServeCommand.Create());

// `dossier` alone does what `dossier all` does.
root.SetAction(parse => AllCommand.Run(parse));
var parsed = root.Parse(args);
var command = parsed.CommandResult.Command.Name;
var verbose = parsed.GetValue(CommonOptions.Verbose);

// A failure on another thread (a rebuild of `serve`) must not print a stack trace either.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    LastResort.Report((Exception)e.ExceptionObject, command, verbose);
    Environment.Exit(1);
};
try
{
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex)
{
    return LastResort.Report(ex, command, verbose);
}
