namespace StaticDossier.Tests.Support;

/// <summary>Finds the repository root from the test binaries, so tests read the real seeds and templates.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Templates => Path.Combine(Root, "templates");

    public static string Content => Path.Combine(Root, "content");

    public static string SiteYml => Path.Combine(Root, "site.yml");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StaticDossier.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (StaticDossier.sln).");
    }
}
