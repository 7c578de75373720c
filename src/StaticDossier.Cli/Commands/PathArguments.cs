using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;

namespace StaticDossier.Cli.Commands;

/// <summary>Checks path arguments before any work starts: an empty path, a NUL, or the root folder as an output
/// folder is refused with SD0104 rather than reaching a stage as an exception.</summary>
internal static class PathArguments
{
    /// <summary>The full path of <paramref name="value"/> (null when the option was not given); false, with a
    /// diagnostic, when it cannot be a path.</summary>
    public static bool TryResolve(string? value, string name, DiagnosticBag diagnostics, out string? full)
    {
        full = null;
        if (value is null)
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(value) || value.Contains('\0', StringComparison.Ordinal))
        {
            diagnostics.Error(DiagnosticCodes.ArgumentInvalid,
                name.StartsWith("--", StringComparison.Ordinal)
                    ? $"{name} needs a path, and '{value}' is empty. Give one, or leave {name} out to use the default."
                    : $"{name} needs a path, and '{value}' is empty.",
                SourceLocation.None);
            return false;
        }

        try
        {
            full = Path.GetFullPath(value);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            diagnostics.Error(DiagnosticCodes.ArgumentInvalid, $"{name} '{value}' is not a usable path: {ex.Message}", SourceLocation.None);
            return false;
        }
    }

    /// <summary>Refuses an output folder that overlaps the sources or that a build may not replace (see
    /// <see cref="OutputFolderGuard"/>), before anything is read or rendered.</summary>
    public static bool OutputAllowed(SiteConfig config, DiagnosticBag diagnostics)
    {
        var where = SourceLocation.InFile(config.OutputPath);
        if (OutputFolderGuard.Refusal(config.OutputPath) is { } refusal)
        {
            diagnostics.Error(DiagnosticCodes.OutputFolderRefused, refusal, where);
            return false;
        }

        if (SiteConfigLoader.OverlapsSources(config) is { } overlapped)
        {
            diagnostics.Error(DiagnosticCodes.OutputFolderRefused,
                $"Refusing to publish to '{config.OutputPath}': publishing replaces the folder whole, and it overlaps {overlapped}.", where);
            return false;
        }

        return true;
    }
}
