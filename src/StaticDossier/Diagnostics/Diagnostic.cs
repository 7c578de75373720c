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
        var where = Location.Path.Length == 0 ? "dossier" : Location.ToString();
        return $"{where}: {severity} {Code}: {Message}";
    }
}
