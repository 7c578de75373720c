using StaticDossier.Cleaning;

namespace StaticDossier.Tests.Cleaning;

/// <summary>Lines of program code, as a documentation page's text dump prints them, against the short lines of menus,
/// tag clouds and share bars that a dump is full of.</summary>
public sealed class TextShapeTests
{
    [Theory]
    [InlineData("fetch(\"/data.json\").then(function(res) {")]
    [InlineData("console.log(data.entries);")]
    [InlineData("});")]
    [InlineData("// res instanceof Response == true.")]
    [InlineData("if (res.ok) {")]
    [InlineData("var copy = new Request(req);")]
    [InlineData("tides = load(\"tides.txt\")")]
    [InlineData("for day in tides:")]
    [InlineData("print(day.date, low)")]
    [InlineData("<script src=\"vendor/mocha.js\"></script>")]
    [InlineData("</html>")]
    public void KnowsALineOfCode(string line) => Assert.True(TextShape.LooksLikeCode(line));

    [Theory]
    [InlineData("Home")]
    [InlineData("WebRTC (33)")]
    [InlineData("Click to share on Twitter (Opens in new window)")]
    [InlineData("Possible values are:")]
    [InlineData("For example: the first step reads the file.")]
    [InlineData("Posted by Nikhil Marathe on March 10, 2015")]
    [InlineData("2 comments")]
    [InlineData("Privacy Policy")]
    public void TellsMenusAndLabelsFromCode(string line) => Assert.False(TextShape.LooksLikeCode(line));
}
