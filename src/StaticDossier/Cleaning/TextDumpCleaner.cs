using StaticDossier.Diagnostics;
using StaticDossier.Seeds;

namespace StaticDossier.Cleaning;

/// <summary>Cleans a browser's plain-text dump: read into a DOM of blocks, then the shared rules.</summary>
public sealed class TextDumpCleaner
{
    /// <summary>Cleans one text seed.</summary>
    public CleanedDocument Clean(SeedDocument seed, DiagnosticBag diagnostics) => CleanWith(seed, null);

    internal static CleanedDocument CleanWith(SeedDocument seed, IReadOnlySet<string>? sharedLines)
    {
        using var document = TextDumpReader.Read(seed.Text);
        return ArticleCleaner.Clean(seed, document, isTextDump: true, CleaningOptions.Default, sharedLines);
    }
}
