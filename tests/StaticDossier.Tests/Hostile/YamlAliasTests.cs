using StaticDossier.Content;
using StaticDossier.Diagnostics;

namespace StaticDossier.Tests.Hostile;

/// <summary>A YAML alias naming a list where text belongs is an error at the alias, never a person or tag called
/// "(Collection)"; an alias to a whole list where a list belongs, or to a single value, reads as YAML says.</summary>
public sealed class YamlAliasTests
{
    public static TheoryData<string, string, int, int> Misused() => new()
    {
        { "team: &team [Sergey Lavrov, Bui Thanh Son]\npeople: [*team]", "an item of 'people'", 2, 10 },
        { "team: &team [Sergey Lavrov]\npeople:\n  - Pham Binh Minh\n  - *team", "an item of 'people'", 4, 5 },
        { "title: T\nsummary: &s [a, b]\ntags: [x, *s]", "an item of 'tags'", 3, 11 },
        { "tags: &t [evacuation]\nsummary: *t", "'summary'", 2, 10 },
        { "tags: &m {a: b}\npeople: [*m]", "an item of 'people'", 2, 10 },
    };

    [Theory]
    [MemberData(nameof(Misused))]
    public void AnAliasToAListWhereTextBelongsIsAnErrorAtTheAlias(string yaml, string where, int line, int column)
    {
        // The line is counted in the case's YAML; the file adds the opening fence and, unless the case has one, a title.
        var titled = yaml.StartsWith("title", StringComparison.Ordinal);
        var diagnostics = new DiagnosticBag();
        var page = ContentPageParser.Parse("content/a.md", $"---\n{(titled ? "" : "title: A\n")}{yaml}\n---\n\nBody.\n", diagnostics);
        Assert.Null(page);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.FrontMatterInvalid, error.Code);
        Assert.Contains(where + " must be text", error.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("content/a.md", line + (titled ? 1 : 2), column), error.Location);
    }

    [Fact]
    public void AnAliasToAWholeListOrToOneValueReadsAsWritten()
    {
        var diagnostics = new DiagnosticBag();
        var page = ContentPageParser.Parse("content/a.md",
            "---\ntitle: &t Lavrov in Hanoi\ntags: &tags [diplomacy, visits]\npeople: [Sergey Lavrov, *t]\nsummary: *t\n---\n\nBody.\n", diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        Assert.Equal(["Sergey Lavrov", "Lavrov in Hanoi"], page!.Meta.People);
        Assert.Equal(["diplomacy", "visits"], page.Meta.Tags);
        Assert.Equal("Lavrov in Hanoi", page.Meta.Summary);

        var whole = ContentPageParser.Parse("content/b.md", "---\ntitle: B\ntags: &tags [diplomacy]\npeople: *tags\n---\n\nBody.\n", diagnostics);
        Assert.Equal(["diplomacy"], whole!.Meta.People);
        Assert.DoesNotContain("(Collection)", string.Join(',', whole.Meta.People!), StringComparison.Ordinal);
    }
}
