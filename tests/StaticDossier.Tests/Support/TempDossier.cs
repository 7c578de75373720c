namespace StaticDossier.Tests.Support;

/// <summary>A throwaway dossier folder: the repo's site.yml, seeds and templates copied in, deleted on dispose.</summary>
internal sealed class TempDossier : IDisposable
{
    public TempDossier(bool withSeeds = true, bool withTemplates = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "dossier-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        File.Copy(RepoPaths.SiteYml, Path.Combine(Root, "site.yml"));
        if (withSeeds)
        {
            CopyDir(RepoPaths.Seeds, Path.Combine(Root, "seeds"));
        }
        else
        {
            Directory.CreateDirectory(Path.Combine(Root, "seeds"));
        }

        if (withTemplates)
        {
            CopyDir(RepoPaths.Templates, Path.Combine(Root, "templates"));
        }
    }

    public string Root { get; }

    public string SiteYml => Path.Combine(Root, "site.yml");

    public string Content => Path.Combine(Root, "content");

    public string Site => Path.Combine(Root, "_site");

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public static void CopyDir(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
