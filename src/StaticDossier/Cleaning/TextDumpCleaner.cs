using StaticDossier.Seeds;

namespace StaticDossier.Cleaning;

/// <summary>Cleans a browser's plain-text dump: read into blocks, then the shared rules.</summary>
internal static class TextDumpCleaner
{
    internal static CleanedDocument CleanWith(SeedDocument seed, IReadOnlySet<string>? sharedLines)
    {
        var blocks = TextDumpReader.Read(seed.Text);
        return ArticleCleaner.Clean(seed, null, blocks, CleaningOptions.Default, sharedLines);
    }
}
