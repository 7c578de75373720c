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
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var failed = false;
        var output = "the output folder";
        var session = PreviewSession.Start(
            diagnostics =>
            {
                var config = CommonOptions.LoadConfig(parse, diagnostics);
                config = config is null ? null : config with
                {
                    ContentDir = parse.GetValue(Content) is { } c ? Path.GetFullPath(c) : config.ContentDir,
                    OutputDir = parse.GetValue(Out) is { } o ? Path.GetFullPath(o) : config.OutputDir,
                };
                output = config?.OutputPath ?? output;
                return config;
            },
            parse.GetValue(Port),
            TimeSpan.FromMilliseconds(300),
            (summary, diagnostics) =>
            {
                foreach (var d in diagnostics.Sorted().Where(d => d.Severity != DiagnosticSeverity.Info))
                {
                    (d.Severity == DiagnosticSeverity.Error ? Console.Error : Console.Out).WriteLine(d.ToString());
                }

                Console.WriteLine(ProgressReporter.Summarise(summary, diagnostics, output));
                failed = !summary.Succeeded;
            });
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
