using System.CommandLine;
using StaticDossier.Cli.Commands;

var root = new RootCommand("StaticDossier: turns seeds (saved news pages) into a curated, linked static site.");
root.Options.Add(CommonOptions.Config);
root.Options.Add(CommonOptions.WarnAsError);
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
return root.Parse(args).Invoke();
