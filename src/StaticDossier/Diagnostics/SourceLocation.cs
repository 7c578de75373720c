namespace StaticDossier.Diagnostics;

/// <summary>A position in a source file; line and column are 1-based, 0 when unknown.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    /// <summary>No known position.</summary>
    public static SourceLocation None { get; } = new(string.Empty, 0, 0);

    /// <summary>A whole file, with no line.</summary>
    public static SourceLocation InFile(string path) => new(path, 0, 0);

    /// <summary>Formats as <c>path(line,col)</c>, MSBuild style.</summary>
    public override string ToString() => Line > 0
        ? $"{Path}({Line},{Math.Max(Column, 1)})"
        : Path;
}
