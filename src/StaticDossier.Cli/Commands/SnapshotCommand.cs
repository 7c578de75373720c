using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using StaticDossier.Archiving;
using StaticDossier.Diagnostics;

namespace StaticDossier.Cli.Commands;

/// <summary><c>dossier snapshot</c>: the built site plus its sources → one reproducible BagIt zip.</summary>
internal static class SnapshotCommand
{
    private static readonly Option<string?> Out = new("--out", "-o")
    {
        Description = "Zip file to write (default: <bag name>.zip beside site.yml)",
    };

    private static readonly Option<string?> BaggingDate = new("--bagging-date")
    {
        Description = "Bagging-Date to record: YYYY-MM-DD, or 'now' for today's UTC date (default: the newest article or seed date)",
    };

    public static Command Create()
    {
        var command = new Command("snapshot", "Pack the built site, seeds, content, site.yml and templates into a reproducible BagIt zip for archiving.")
        {
            Out, BaggingDate,
        };
        command.SetAction(Run);
        return command;
    }

    public static int Run(ParseResult parse) => CommonOptions.WithConfig(parse, (config, diagnostics) =>
    {
        var date = ParseDate(parse.GetValue(BaggingDate), diagnostics);
        PathArguments.TryResolve(parse.GetValue(Out), "--out", diagnostics, out var target);
        if (target is not null && SnapshotTarget.Refusal(target) is { } refusal)
        {
            diagnostics.Error(DiagnosticCodes.SnapshotFailed, refusal, SourceLocation.InFile(target));
        }

        if (diagnostics.HasErrors)
        {
            return CommonOptions.Finish(parse, diagnostics, succeeded: false);
        }

        var clock = Stopwatch.StartNew();
        var snapshotter = new Snapshotter(config);
        var bag = snapshotter.Create(new SnapshotOptions { BaggingDate = date }, diagnostics);
        var path = target ?? (bag is null ? null : Path.Combine(config.RootDirectory, bag.Name + ".zip"));
        // The default name is known only now; it too may only replace an earlier snapshot.
        if (target is null && path is not null && SnapshotTarget.Refusal(path) is { } late)
        {
            diagnostics.Error(DiagnosticCodes.SnapshotFailed, late, SourceLocation.InFile(path));
        }

        var written = bag is not null && path is not null && !diagnostics.HasErrors && snapshotter.Write(bag, path, diagnostics);
        var ok = written && VerifyWritten(path!, diagnostics);
        Console.WriteLine(ok
            ? $"snapshot: {path} ({bag!.Payload.Count()} payload files, bag '{bag.Name}', {new FileInfo(path!).Length:N0} bytes, verified) in {clock.ElapsedMilliseconds} ms"
            : written ? $"snapshot: {path} was written but does not verify; do not archive it" : "snapshot: failed; no archive was written");
        return CommonOptions.Finish(parse, diagnostics, ok);
    });

    // Read the archive back from disk before anyone trusts it: a fixity check at creation time.
    private static bool VerifyWritten(string path, DiagnosticBag diagnostics)
    {
        using var source = BagReader.Open(path, diagnostics);
        return source is not null && BagVerifier.Verify(source, diagnostics).IsValid;
    }

    private static DateOnly? ParseDate(string? value, DiagnosticBag diagnostics)
    {
        if (value is null)
        {
            return null;
        }

        if (string.Equals(value, "now", StringComparison.OrdinalIgnoreCase))
        {
            // The only clock a snapshot reads, and only when asked.
            return DateOnly.FromDateTime(DateTime.UtcNow);
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        diagnostics.Error(DiagnosticCodes.SnapshotFailed, $"--bagging-date '{value}' is neither YYYY-MM-DD nor 'now'.", SourceLocation.None);
        return null;
    }
}
