using StaticDossier.Diagnostics;

namespace StaticDossier.Rendering.Data;

/// <summary>Everything under <c>templates/assets/</c>, copied to <c>assets/</c> as it is. Links are followed only where
/// their real path stays inside templates/ (decided as for partials), and a linked folder seen before (a loop) adds nothing.</summary>
internal sealed class StaticAssets : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        var config = context.Config;
        var assets = Path.Combine(config.TemplatesPath, "assets");
        var files = new List<OutputFile>();
        if (!Directory.Exists(assets))
        {
            return files;
        }

        var display = config.RelativeToRoot(config.TemplatesPath);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([assets]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            if (IO.RealPaths.Of(dir) is not { } realDir || !seen.Add(realDir))
            {
                continue;
            }

            foreach (var entry in Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { AttributesToSkip = 0 }))
            {
                if (new FileInfo(entry).LinkTarget is not null && TemplateFolderLoader.OutsideReason(entry, config.TemplatesPath, display) is { } reason)
                {
                    context.Diagnostics.Error(DiagnosticCodes.TemplateOutside, $"'{config.RelativeToRoot(entry)}' {reason}", SourceLocation.InFile(config.RelativeToRoot(entry)));
                }
                else if (Directory.Exists(entry))
                {
                    pending.Push(entry);
                }
                else
                {
                    files.Add(new OutputFile(SitePaths.Assets + Path.GetRelativePath(assets, entry).Replace('\\', '/'), File.ReadAllBytes(entry)));
                }
            }
        }

        files.Sort((a, b) => StringComparer.Ordinal.Compare(a.OutputPath, b.OutputPath));
        return files;
    }
}
