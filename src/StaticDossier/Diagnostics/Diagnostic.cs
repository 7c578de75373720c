namespace StaticDossier.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Informational: reported, never fails a run.</summary>
    Info,
    /// <summary>Suspicious; fails a run only under --warnaserror.</summary>
    Warning,
    /// <summary>The run fails.</summary>
    Error,
}

/// <summary>One positioned message, printed as <c>path(line,col): error SD0301: message</c>.</summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation Location)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var where = Location.Path.Length == 0 ? "dossier" : (Location with { Path = Printable(Location.Path) }).ToString();
        return $"{where}: {severity} {Code}: {Printable(Message)}";
    }

    /// <summary>Messages quote hostile input (keys, values, file names): control characters are shown as
    /// <c>\u001B</c> so that no escape sequence reaches the terminal and one diagnostic stays one line.</summary>
    private static string Printable(string text)
    {
        if (!text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
