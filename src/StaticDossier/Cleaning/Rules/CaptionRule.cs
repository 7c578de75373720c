using System.Text.RegularExpressions;

namespace StaticDossier.Cleaning.Rules;

/// <summary>Photo captions and credits (<c>Photos: VNA |</c>, <c>(Photo: VNA)</c>, <c>- Ảnh: VGP/…</c>,
/// <c>FILE - …</c>, figure captions) describe a picture, not the story.</summary>
internal sealed partial class CaptionRule : INoiseRule
{
    public string Name => "caption";

    public void Apply(CleaningContext context)
    {
        foreach (var b in context.Blocks)
        {
            if (b.IsDecided)
            {
                continue;
            }

            if (b.InFigure)
            {
                b.Decide(false, "caption", "inside a figure", Name);
            }
            else if (b.Words <= 60 && Caption().Match(b.Text) is { Success: true } m)
            {
                b.Decide(false, "caption", $"photo caption ('{m.Value.Trim()}')", Name);
            }
        }
    }

    [GeneratedRegex(@"^\s*(FILE|FILE PHOTO)\s*[-–—:]|\b(Photos?|Ảnh|Image|Picture|Hình|Photo credit)\s*:\s*\S.{0,40}$|\((Photos?|Ảnh|Image)\s*:?[^)]*\)\s*$|\|\s*$|\b(Getty Images|AP Photo|Shutterstock|Photograph:)", RegexOptions.IgnoreCase)]
    private static partial Regex Caption();
}
