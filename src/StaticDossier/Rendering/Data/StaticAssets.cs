namespace StaticDossier.Rendering.Data;

/// <summary>Everything under <c>templates/assets/</c>, copied to <c>assets/</c> as it is.</summary>
internal sealed class StaticAssets : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        var assets = Path.Combine(context.Config.TemplatesPath, "assets");
        if (!Directory.Exists(assets))
        {
            return [];
        }

        return Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => new OutputFile(SitePaths.Assets + Path.GetRelativePath(assets, f).Replace('\\', '/'), File.ReadAllBytes(f)));
    }
}
