using System.CommandLine;
using StaticDossier.Diagnostics;
using StaticDossier.Serving;

namespace StaticDossier.Cli.Commands;

/// <summary><c>dossier serve</c>: a local preview that rebuilds on change and reloads the browser.</summary>
internal static class ServeCommand
{
    private static readonly Option<int> Port = new("--port", "-p") { Description = "Port on 127.0.0.1 (0: any free port)", DefaultValueFactory = _ => 8080 };
    private static readonly Option<string?> Content = CommonOptions.Folder("--content", "Folder of content pages (default: content_dir in site.yml)");
    private static readonly Option<string?> Out = CommonOptions.Folder("--out", "Folder to write the site to (default: output_dir, _site)");

    public static Command Create()
    {
        var command = new Command("serve", "Build, serve the site on 127.0.0.1, rebuild when content, templates or site.yml change, and reload the browser.")
        {
            Port, Content, Out,
        };
        command.SetAction(Run);
        return command;
    }

    public static int Run(ParseResult parse)
    {
        var port = parse.GetValue(Port);
        var checks = new DiagnosticBag();
        if (port is < 0 or > 65535)
        {
            checks.Error(DiagnosticCodes.ArgumentInvalid, $"--port {port} is out of range: give 1 to 65535, or 0 for any free port.", SourceLocation.None);
        }

        // Arguments are checked before the first build, so a bad one costs nothing.
        if (checks.HasErrors || CommonOptions.LoadConfig(parse, checks) is not { } checkedConfig || BuildCommand.WithFolders(parse, checkedConfig, Content, Out, checks) is null)
        {
            return CommonOptions.Finish(parse, checks, succeeded: false);
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        // Kestrel's host takes SIGTERM over to stop itself and waits for Main to return, so `kill` must end the wait too.
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            signal =>
            {
                signal.Cancel = true;
                stop.Cancel();
            });

        var failed = false;
        var output = "the output folder";
        var session = PreviewSession.Start(
            diagnostics =>
            {
                var config = CommonOptions.LoadConfig(parse, diagnostics);
                config = config is null ? null : BuildCommand.WithFolders(parse, config, Content, Out, diagnostics);
                output = config?.OutputPath ?? output;
                return config;
            },
            port,
            // Editors save in a burst of events (write, rename, attributes): this much quiet ends the burst.
            TimeSpan.FromMilliseconds(60),
            (summary, diagnostics) =>
            {
                foreach (var d in diagnostics.Sorted().Where(d => d.Severity != DiagnosticSeverity.Info))
                {
                    (d.Severity == DiagnosticSeverity.Error ? Console.Error : Console.Out).WriteLine(d.ToString());
                }

                Console.WriteLine(ProgressReporter.Summarise(summary, diagnostics, output));
                failed = !summary.Succeeded;
            },
            warmSavePaths: true);
        if (session is null)
        {
            return 1;
        }

        if (failed)
        {
            Console.WriteLine("serve: the first build failed; fix the errors above and save, the preview will rebuild.");
        }

        Console.WriteLine($"serve: previewing at {session.Address} (Ctrl+C to stop)");
        stop.Token.WaitHandle.WaitOne();
        session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }
}
