using System.Collections;

namespace StaticDossier.Diagnostics;

/// <summary>Collects diagnostics; stages add to it and carry on. Thread-safe.</summary>
public sealed class DiagnosticBag : IReadOnlyCollection<Diagnostic>
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _lock = new();

    /// <summary>True once any error has been reported.</summary>
    public bool HasErrors
    {
        get { lock (_lock) { return _items.Any(d => d.Severity == DiagnosticSeverity.Error); } }
    }

    /// <inheritdoc />
    public int Count
    {
        get { lock (_lock) { return _items.Count; } }
    }

    /// <summary>Adds a diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        lock (_lock) { _items.Add(diagnostic); }
    }

    /// <summary>Reports an error.</summary>
    public void Error(string code, string message, SourceLocation location) =>
        Add(new Diagnostic(DiagnosticSeverity.Error, code, message, location));

    /// <summary>Reports a warning.</summary>
    public void Warning(string code, string message, SourceLocation location) =>
        Add(new Diagnostic(DiagnosticSeverity.Warning, code, message, location));

    /// <summary>Reports an informational message.</summary>
    public void Info(string code, string message, SourceLocation location) =>
        Add(new Diagnostic(DiagnosticSeverity.Info, code, message, location));

    /// <summary>The diagnostics in a stable order: by file, line, column, code.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_lock)
        {
            return [.. _items
                .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)];
        }
    }

    /// <inheritdoc />
    public IEnumerator<Diagnostic> GetEnumerator() => Sorted().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
