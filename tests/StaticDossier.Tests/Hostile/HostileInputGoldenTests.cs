using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>Golden error cases under TestFiles/hostile/: each folder is a small dossier and
/// <c>expected.diagnostics.txt</c> lists what a build reports, one diagnostic per line.
/// <c>UPDATE_GOLDEN=1</c> rewrites the expected files.</summary>
public sealed class HostileInputGoldenTests
{
    public static TheoryData<string> Cases() => [.. GoldenDossier.Cases()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsExpectedDiagnostics(string name)
    {
        using var dossier = GoldenDossier.Prepare(name);
        var actual = GoldenDossier.Run(dossier);
        var expectedPath = Path.Combine(GoldenDossier.CasePath(name), "expected.diagnostics.txt");
        Golden.Lines(expectedPath, actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CliExitsNonZeroExactlyWhenAnErrorIsExpected(string name)
    {
        var expected = File.ReadAllLines(Path.Combine(GoldenDossier.CasePath(name), "expected.diagnostics.txt"));
        var errors = expected.Where(l => l.Contains(": error SD", StringComparison.Ordinal)).ToList();
        using var dossier = GoldenDossier.Prepare(name);
        var (code, stdout, stderr) = DossierProcess.Run(dossier.Root);
        Assert.True((code != 0) == (errors.Count > 0), $"exit {code}\n{stdout}\n{stderr}");
        foreach (var error in errors)
        {
            Assert.Contains(error.Replace("<root>", dossier.Root, StringComparison.Ordinal), stderr, StringComparison.Ordinal);
        }
    }
}
