using AngleSharp.Dom;

namespace StaticDossier.Cleaning.Rules;

/// <summary>Saved pages: the article lives in one element. Every block votes for its ancestors (prose for,
/// link lists and navigation against) and the element with the best balance wins; blocks outside it go.
/// Also decides which navigation-like ancestors are real (one holding most of the prose is a false alarm).</summary>
internal sealed class ContainerRule : INoiseRule
{
    public RuleId Id => RuleId.Container;

    public PageFacts Writes => PageFacts.Container | PageFacts.RealNoise;

    public void Apply(CleaningContext context)
    {
        if (context.IsTextDump)
        {
            return;
        }

        // A furniture-like name on an element holding most of the page's text (<body class="has-sidebar">) is a
        // false alarm; on a footer holding a tenth of it, it is furniture even when its legal text reads as prose.
        var text = new Dictionary<IElement, (int All, int Good)>();
        int total = 0, totalGood = 0;
        foreach (var b in context.Blocks)
        {
            var good = b.Class == BlockClass.Good && b.Kept != false ? b.Length : 0;
            total += b.Length;
            totalGood += good;
            for (var e = b.Container; e is not null; e = e.ParentElement)
            {
                var (all, g) = text.GetValueOrDefault(e);
                text[e] = (all + b.Length, g + good);
            }
        }

        var falseAlarmShare = context.Thresholds.FalseAlarmShare;
        context.IsRealNoise = e => text.GetValueOrDefault(e) is var t && (t.Good < totalGood / 2 || t.All < total * falseAlarmShare);

        var score = new Dictionary<IElement, double>();
        foreach (var b in context.Blocks)
        {
            if (b.Kept == false)
            {
                continue;
            }

            var w = Weight(b, context);
            for (var e = b.Container; e is not null; e = e.ParentElement)
            {
                score[e] = score.GetValueOrDefault(e) + w;
            }
        }

        IElement? best = null;
        var bestScore = double.MinValue;
        foreach (var (e, s) in score)
        {
            if (s > bestScore || (s == bestScore && best is not null && best.Contains(e)))
            {
                best = e;
                bestScore = s;
            }
        }

        if (best is null || best.LocalName is "body" or "html")
        {
            return;
        }

        context.Container = best;
        var name = Describe(best);

        // Articles split over sibling elements (standfirst, body parts): siblings with prose of their own join in.
        var included = new List<IElement> { best };
        if (best.ParentElement is { } parent)
        {
            foreach (var sibling in parent.Children)
            {
                if (sibling != best && score.GetValueOrDefault(sibling) >= Math.Max(context.Thresholds.SiblingShare * bestScore, 100))
                {
                    included.Add(sibling);
                }
            }
        }

        foreach (var b in context.Blocks)
        {
            if (b.Container is not null && !included.Any(e => e.Contains(b.Container)))
            {
                b.Decide(false, BlockRole.Noise, $"outside the article's element {name}", Id);
            }
        }
    }

    private static double Weight(Block b, CleaningContext context)
    {
        if (b.NoisyAncestor is { } n && context.IsRealNoise(n))
        {
            return b.NoiseHint!.StartsWith('<') || b.NoiseHint.StartsWith("role", StringComparison.Ordinal) ? -b.Length : 0;
        }

        return b.Class switch
        {
            BlockClass.Good => b.Length,
            BlockClass.NearGood => b.Length * 0.5,
            BlockClass.Short => -5,
            _ => -b.Length * 0.5,
        };
    }

    internal static string Describe(IElement e)
    {
        var s = "<" + e.LocalName;
        if (e.Id is { Length: > 0 } id)
        {
            s += " id=\"" + id + "\"";
        }

        if (e.GetAttribute("class") is { Length: > 0 } cls)
        {
            s += " class=\"" + (cls.Length > 40 ? cls[..40] + "…" : cls) + "\"";
        }

        return s + ">";
    }
}
