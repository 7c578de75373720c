using System.Globalization;
using System.Text;
using StaticDossier.Cleaning;
using StaticDossier.Seeds;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Cleaning;

/// <summary>Golden files for cleaning: the metadata, then one line per block (line, KEEP/DROP, role, rule, full text).
/// <c>UPDATE_GOLDEN=1 dotnet test</c> rewrites them; review the diff.</summary>
internal static class CleaningGolden
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "StaticDossier.Tests", "TestFiles", "cleaning");

    public static string Format(CleanedDocument doc)
    {
        var m = doc.Metadata;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"title: {doc.Title}\n");
        sb.Append(CultureInfo.InvariantCulture, $"date: {m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}\n");
        sb.Append(CultureInfo.InvariantCulture, $"language: {m.Language}\n");
        sb.Append(CultureInfo.InvariantCulture, $"source: {m.Source ?? "-"}\n");
        sb.Append(CultureInfo.InvariantCulture, $"byline: {m.Byline ?? "-"}\n\n");
        foreach (var d in doc.Decisions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{d.Line} {(d.Kept ? "KEEP" : "DROP")} {d.Role} [{d.Rule}] {d.Text}\n");
        }

        // The repairs made after cleaning, and the words only flagged: the blocks above keep the text as printed.
        foreach (var r in doc.Repairs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"repaired {r.Line}:{r.Column} [{r.Rule}] {r.Original} => {r.Replacement}\n");
        }

        foreach (var w in doc.Suspects)
        {
            sb.Append(CultureInfo.InvariantCulture, $"flagged {w.Line}:{w.Column} {w.Word} (maybe {w.Split})\n");
        }

        return sb.ToString();
    }

    /// <summary>Compares <paramref name="actual"/> with the golden file, or rewrites it under UPDATE_GOLDEN=1.</summary>
    public static void Verify(string path, string actual) => Golden.Text(path, actual);

    public static SeedDocument Seed(string path, string text) =>
        new(path, path.EndsWith(".html", StringComparison.Ordinal) ? SeedKind.Html : SeedKind.TextDump, text, string.Empty);
}
