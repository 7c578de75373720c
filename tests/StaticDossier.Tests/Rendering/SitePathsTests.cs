using System.Reflection;
using StaticDossier.Rendering;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

public sealed class SitePathsTests
{
    private static IEnumerable<string> Constants() => typeof(SitePaths)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void NoTemplateSpellsTheNameOfAGeneratedFile()
    {
        var templates = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "templates"), "*.sbn", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(templates);
        foreach (var template in templates)
        {
            var text = File.ReadAllText(template);
            foreach (var path in Constants().Where(p => p != SitePaths.Assets))
            {
                Assert.DoesNotContain("{{ root }}" + path, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void TemplatesSeeEveryPath()
    {
        var seen = SitePaths.ForTemplates.Values.Cast<string>().ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Constants().Where(p => p != SitePaths.Assets).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }
}
