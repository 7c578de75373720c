using StaticDossier.Rendering;

namespace StaticDossier.Tests.Rendering;

/// <summary>The sanitiser reuses one parser per thread; it must stay as strict, from many threads at once.</summary>
public sealed class MarkdownRendererSharedParserTests
{
    [Fact]
    public void SanitisesTheSameOnEveryThread()
    {
        var renderer = new MarkdownRenderer();
        const string hostile = "[x](javascript:alert(1)) ![y](data:text/html,hi) {onclick=\"alert(2)\" .ok}\n\nText {#para onmouseover=alert(3)}";
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = renderer.Render(hostile + $"\n\nParagraph {i}."));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.DoesNotContain("javascript:", results[i], StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("data:", results[i], StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onclick", results[i], StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onmouseover", results[i], StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"Paragraph {i}.", results[i], StringComparison.Ordinal);
            Assert.Equal(results[0].Replace("Paragraph 0.", string.Empty, StringComparison.Ordinal), results[i].Replace($"Paragraph {i}.", string.Empty, StringComparison.Ordinal));
        }
    }
}
