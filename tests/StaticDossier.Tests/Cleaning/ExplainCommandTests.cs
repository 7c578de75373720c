using System.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Cleaning;

/// <summary><c>dossier explain SEED</c> shows every block's decision with its line, role and reason.</summary>
public sealed class ExplainCommandTests
{
    private static (int Code, string Out) Explain(string root, string seed)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dossier.dll"));
        info.ArgumentList.Add("explain");
        info.ArgumentList.Add(seed);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    [Fact]
    public void PrintsMetadataAndEveryBlockWithLineRoleAndReason()
    {
        using var dossier = new TempDossier(withTemplates: false);
        var (code, output) = Explain(dossier.Root, "seeds/003_18ddd6126595cc49.txt");
        Assert.True(code == 0, output);
        Assert.Contains("date:     2020-05-29", output, StringComparison.Ordinal);
        Assert.Contains("source:   chinhphu.vn", output, StringComparison.Ordinal);
        Assert.Contains("    3 DROP date      [date-line] date line (2020-05-29)", output, StringComparison.Ordinal);
        Assert.Contains("   25 DROP byline    [credit] byline (Hải Minh)", output, StringComparison.Ordinal);
        Assert.Contains("    9 KEEP body      [default]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsEveryRepairAndFlaggedWordWithItsPlaceAndOnlyThisSeedsWarnings()
    {
        using var dossier = new TempDossier(withTemplates: false);
        var (code, output) = Explain(dossier.Root, "seeds/001_b780153d7e9f22bd.txt");
        Assert.True(code == 0, output);
        Assert.Contains("repairs:  16 (front matter 'repairs'", output, StringComparison.Ordinal);
        Assert.Contains("  repaired 4:113 'conflictin' → 'conflict in' [function-word]\n", output, StringComparison.Ordinal);
        Assert.Contains("  repaired 5:4 'Sonaffirmed' → 'Son affirmed' [curated-name]\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("SD0228", output, StringComparison.Ordinal); // seed 000's flagged word is not this seed's

        (code, output) = Explain(dossier.Root, "seeds/000_bf9e1a07d91f4169.txt");
        Assert.True(code == 0, output);
        Assert.Contains("  flagged  8:152 'battlefront' (maybe 'battle front'; left as printed)", output, StringComparison.Ordinal);
        Assert.Contains("000_bf9e1a07d91f4169.txt(8,152): warning SD0228", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSeedFailsWithADiagnostic()
    {
        using var dossier = new TempDossier(withTemplates: false);
        var (code, output) = Explain(dossier.Root, "seeds/nope.txt");
        Assert.NotEqual(0, code);
        Assert.Contains("SD02", output, StringComparison.Ordinal);
    }
}
