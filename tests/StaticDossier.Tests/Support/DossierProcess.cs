using System.Diagnostics;

namespace StaticDossier.Tests.Support;

/// <summary>Starts the real <c>dossier</c> executable (dossier.dll beside the test binaries).</summary>
internal static class DossierProcess
{
    public static ProcessStartInfo StartInfo(string workingDir, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dossier.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return info;
    }

    public static (int Code, string Out, string Err) Run(string workingDir, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDir, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
