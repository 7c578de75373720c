using StaticDossier.Cleaning;
using StaticDossier.Diagnostics;

namespace StaticDossier.Tests.Cleaning;

/// <summary>One golden folder per noise rule: <c>TestFiles/cleaning/NNN-rule/input.(txt|html)</c> and
/// <c>expected.txt</c> (metadata and every block's decision). A folder's <c>others/</c> holds more seeds of the
/// same outlet, cleaned alongside. Adding a case means adding a folder.</summary>
public sealed class RuleGoldenTests
{
    public static TheoryData<string> Cases() => new(Directory.GetDirectories(CleaningGolden.Folder)
        .Select(Path.GetFileName).Where(n => n![0] is >= '0' and <= '9').Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void CleansLikeTheGoldenFile(string name)
    {
        var folder = Path.Combine(CleaningGolden.Folder, name);
        var input = Directory.GetFiles(folder, "input.*").Single();
        var seed = CleaningGolden.Seed("seeds/" + Path.GetFileName(input), File.ReadAllText(input));
        var others = Directory.Exists(Path.Combine(folder, "others"))
            ? Directory.GetFiles(Path.Combine(folder, "others")).Order(StringComparer.Ordinal)
                .Select(f => CleaningGolden.Seed("seeds/" + Path.GetFileName(f), File.ReadAllText(f)))
            : [];
        var cleaned = new SeedCleaner().CleanAll([seed, .. others], new DiagnosticBag())[0];
        CleaningGolden.Verify(Path.Combine(folder, "expected.txt"), CleaningGolden.Format(cleaned));
    }

    [Fact]
    public void EveryRuleHasAGoldenFolder()
    {
        var folders = Directory.GetDirectories(CleaningGolden.Folder).Select(Path.GetFileName).ToList();
        foreach (var rule in CleaningOptions.Default.Rules)
        {
            Assert.Contains(folders, f => f!.EndsWith("-" + rule.Name, StringComparison.Ordinal));
        }
    }
}
