using StaticDossier.Gathering;

namespace StaticDossier.Tests.Gathering;

public sealed class SeedNamingTests
{
    [Theory]
    [InlineData("https://www.vnexpress.net/the-gioi/nga-ukraine-4455.html", "vnexpress-net-the-gioi-nga-ukraine-4455-html_")]
    [InlineData("https://tuoitre.vn/Ph%E1%BA%A1m-B%C3%ACnh-Minh", "tuoitre-vn-pham-binh-minh_")]
    [InlineData("http://127.0.0.1:8080/../../etc/passwd", "127-0-0-1-etc-passwd_")]
    [InlineData("https://example.org/a?b=c#frag", "example-org-a-b-c_")]
    public void NamesAreSlugsOfTheAddress(string url, string start)
    {
        var name = SeedNaming.BaseName(new Uri(url));
        Assert.StartsWith(start, name, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9-]+_[0-9a-f]{8}$", name);
    }

    [Fact]
    public void AddressesThatSlugAlikeGetDifferentNames() =>
        Assert.NotEqual(SeedNaming.BaseName(new Uri("https://example.org/a-b")), SeedNaming.BaseName(new Uri("https://example.org/a/b")));

    [Fact]
    public void AFragmentDoesNotMakeAnotherPage() =>
        Assert.Equal(SeedNaming.BaseName(new Uri("https://example.org/a")), SeedNaming.BaseName(new Uri("https://example.org/a#top")));

    [Fact]
    public void LaterCandidatesGoBeside() =>
        Assert.Equal(["x_1", "x_1-2", "x_1-3"], Enumerable.Range(1, 3).Select(i => SeedNaming.Candidate("x_1", i)));
}
