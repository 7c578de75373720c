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

        // Text-shape evidence: the element whose own paragraphs hold the most prose. When it is clear, any furniture
        // name on it or its ancestors is a false alarm too (a WordPress <article class="author-jane">, a
        // <div class="post hentry top"> whose readers' comments outweigh it).
        var prose = ProseHolder(context, totalGood);
        if (prose is not null)
        {
            context.Note($"container: the page's main prose is in {Describe(prose)}");
        }
        var falseAlarmShare = context.Thresholds.FalseAlarmShare;
        context.IsRealNoise = e => text.GetValueOrDefault(e) is var t && (t.Good < totalGood / 2 || t.All < total * falseAlarmShare)
                                   && (prose is null || !e.Contains(prose));

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

        if (prose is not null && best is not null && !best.Contains(prose))
        {
            // The vote disagrees with the prose: the best-scoring element around the prose is the article.
            context.Note($"container: the vote elected {Describe(best)}, which does not hold the page's main prose; "
                         + $"the best element around {Describe(prose)} is taken instead");
            best = null;
            bestScore = double.MinValue;
            for (var e = prose; e is not null; e = e.ParentElement)
            {
                if (score.GetValueOrDefault(e) > bestScore)
                {
                    best = e;
                    bestScore = score[e];
                }
            }
        }

        if (best is null || best.LocalName is "body" or "html")
        {
            return;
        }

        if (bestScore <= 0 || Good(text, best) < totalGood * context.Thresholds.ContainerMinShare)
        {
            // Weak evidence keeps more: a cut to an element holding little of the prose would empty the article.
            context.Note($"container: no cut; the best element {Describe(best)} scores {bestScore:F0} and holds "
                         + $"{Good(text, best)} of {totalGood} characters of prose");
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

    private static int Good(Dictionary<IElement, (int All, int Good)> text, IElement e) => text.GetValueOrDefault(e).Good;

    // The element whose own paragraphs (a paragraph's parent, or a text block's own element) hold the most good
    // prose, when it holds enough of the page's to count as evidence.
    private static IElement? ProseHolder(CleaningContext context, int totalGood)
    {
        var own = new Dictionary<IElement, int>();
        foreach (var b in context.Blocks)
        {
            if (b.Class == BlockClass.Good && b.Kept != false && b.Holder is { } holder)
            {
                own[holder] = own.GetValueOrDefault(holder) + b.Length;
            }
        }

        IElement? best = null;
        int bestChars = 0, second = 0;
        foreach (var (e, chars) in own)
        {
            if (chars > bestChars)
            {
                (best, bestChars, second) = (e, chars, bestChars);
            }
            else if (chars > second)
            {
                second = chars;
            }
        }

        var t = context.Thresholds;
        return best is not null && bestChars >= t.ProseHolderChars && bestChars >= totalGood * t.ProseHolderShare
               && bestChars >= second * t.ProseHolderLead && best.LocalName is not "body" and not "html" ? best : null;
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
