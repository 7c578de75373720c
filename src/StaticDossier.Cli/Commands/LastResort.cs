using System.Text.RegularExpressions;
using StaticDossier.Diagnostics;

namespace StaticDossier.Cli.Commands;

/// <summary>The handler of last resort: whatever escapes a command is printed as one diagnostic, never as a stack
/// trace (that only with <c>--verbose</c>). A file-system error (disk full, read-only, permission, name too long, link
/// loop) gets the code of the command's area and names the path the system named.</summary>
internal static partial class LastResort
{
    /// <summary>Prints <paramref name="ex"/> as a diagnostic; returns the exit code.</summary>
    public static int Report(Exception ex, string? command, bool verbose)
    {
        if (ex is AggregateException { InnerExceptions: [var only, ..] })
        {
            ex = only;
        }

        Console.Error.WriteLine(Describe(ex, command).ToString());
        if (verbose)
        {
            Console.Error.WriteLine(ex.ToString());
        }
        else if (!IsFileSystem(ex))
        {
            Console.Error.WriteLine("dossier: this is a bug in dossier; run again with --verbose for the details, and report them.");
        }

        return 1;
    }

    /// <summary>The diagnostic <paramref name="ex"/> stands for.</summary>
    public static Diagnostic Describe(Exception ex, string? command)
    {
        if (IsFileSystem(ex))
        {
            var path = QuotedPath().Match(ex.Message) is { Success: true } m ? m.Groups[1].Value : string.Empty;
            return new Diagnostic(DiagnosticSeverity.Error, FileSystemCode(command), $"File-system error: {ex.Message}", SourceLocation.InFile(path));
        }

        return new Diagnostic(DiagnosticSeverity.Error, FileSystemCode(command), $"Internal error ({ex.GetType().Name}): {ex.Message}", SourceLocation.None);
    }

    private static bool IsFileSystem(Exception ex) => ex is IOException or UnauthorizedAccessException;

    /// <summary>The code of the area a command works in.</summary>
    private static string FileSystemCode(string? command) => command switch
    {
        "ingest" or "explain" => DiagnosticCodes.IngestFileSystem,
        "snapshot" => DiagnosticCodes.SnapshotFailed,
        "verify" => DiagnosticCodes.BagUnreadable,
        _ => DiagnosticCodes.OutputWriteFailed,
    };

    // .NET names the path in quotes: "No space left on device : '/x/y'", "Access to the path '/x' is denied."
    [GeneratedRegex("'(/[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedPath();
}
