using StaticDossier.Gathering;

namespace StaticDossier.Tests.Gathering;

/// <summary>robots.txt as RFC 9309 reads it, as a table of files, paths and answers.</summary>
public sealed class RobotsRulesTests
{
    [Theory]
    [InlineData("User-agent: *\nDisallow: /private/", "/private/a", false)]
    [InlineData("User-agent: *\nDisallow: /private/", "/public/a", true)]
    [InlineData("User-agent: *\nDisallow:", "/anything", true)]
    [InlineData("User-agent: *\nDisallow: /", "/robots.txt", true)]
    [InlineData("User-agent: *\nDisallow: /\nAllow: /news/", "/news/1", true)]
    [InlineData("User-agent: *\nDisallow: /news/1\nAllow: /news/", "/news/1", false)]
    [InlineData("User-agent: *\nDisallow: /a\nAllow: /a", "/a", true)]
    [InlineData("User-agent: *\nDisallow: /*.php$", "/index.php", false)]
    [InlineData("User-agent: *\nDisallow: /*.php$", "/index.php?x=1", true)]
    [InlineData("User-agent: *\nDisallow: /*?session=", "/a?session=1", false)]
    [InlineData("User-agent: *\nDisallow: /\n\nUser-agent: StaticDossier\nDisallow: /drafts/", "/news/1", true)]
    [InlineData("User-agent: *\nDisallow: /\n\nUser-agent: staticdossier/2.0\nDisallow: /drafts/", "/drafts/x", false)]
    [InlineData("User-agent: *\nDisallow: /\n\nUser-agent: StaticDossier\n", "/x", true)]
    [InlineData("User-agent: Googlebot\nDisallow: /\n", "/x", true)]
    [InlineData("User-agent: Googlebot\nUser-agent: StaticDossier\nDisallow: /x # no\n", "/x/y", false)]
    [InlineData("Disallow: /orphan\n", "/orphan", true)]
    [InlineData("garbage\n\u0000\u0001:::\nUser-agent: *\nDisallow: /a", "/a", false)]
    public void Decides(string robots, string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(robots, CaptureOptions.RobotsToken).Allows(path));

    [Fact]
    public void HostilePatternsStayFast()
    {
        // Many stars against a long path that almost matches: the matcher never recurses.
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /" + string.Concat(Enumerable.Repeat("*a", 200)) + "b", "StaticDossier");
        Assert.True(rules.Allows("/" + new string('a', 5000)));
    }

    [Fact]
    public void UnreachableMeansDisallowAll() => Assert.False(RobotsRules.DisallowAll.Allows("/x"));
}
