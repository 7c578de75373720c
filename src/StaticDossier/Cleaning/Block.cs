using AngleSharp.Dom;

namespace StaticDossier.Cleaning;

/// <summary>One block of a page (a paragraph, heading, list item or dump line) with the signals rules read
/// and the decision they reach. Mutable only while the rules run.</summary>
internal sealed class Block
{
    public Block(int index, int line, string text, string tag, IElement? container)
    {
        Index = index;
        Line = line;
        Text = text;
        Tag = tag;
        Container = container;
    }

    /// <summary>Position in the page's block list.</summary>
    public int Index { get; }

    /// <summary>1-based source line, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>Whitespace-normalised text; a rule may trim a prefix or suffix it moves to metadata.</summary>
    public string Text
    {
        get => _text;
        set
        {
            _text = value;
            _key = null;
        }
    }

    private string _text = string.Empty;
    private string? _key;

    /// <summary>Lower-cased words joined by spaces, for equality tests across blocks.</summary>
    public string Key => _key ??= TextShape.Key(_text);

    /// <summary>Element name the text sits in (<c>p</c>, <c>h2</c>, <c>li</c>, ...); <c>line</c> for a dump line.</summary>
    public string Tag { get; }

    /// <summary>The nearest block-level element holding the text.</summary>
    public IElement? Container { get; }

    /// <summary>The element whose own paragraphs include this block: a paragraph's (or heading's) parent, else
    /// the block's own element.</summary>
    public IElement? Holder => Container is { } c && (c.LocalName is "p" or "blockquote" or "pre" || IsHeading) ? c.ParentElement ?? c : Container;

    /// <summary>Characters of the text inside links.</summary>
    public int LinkChars { get; init; }

    /// <summary>Set when an ancestor is a navigation-like element or has a noisy class/id: the ancestor.</summary>
    public IElement? NoisyAncestor { get; init; }

    /// <summary>Why <see cref="NoisyAncestor"/> looks like noise.</summary>
    public string? NoiseHint { get; init; }

    /// <summary>True when a blank line (text) separates this block from the one before.</summary>
    public bool AfterGap { get; init; }

    /// <summary>Inside a figure or caption element.</summary>
    public bool InFigure { get; init; }

    /// <summary>Text length with CJK characters counted as three (set by the classifier).</summary>
    public int Length { get; set; }

    /// <summary>A short line shaped like program code (set by the classifier).</summary>
    public bool IsCode { get; set; }

    /// <summary>Text dumps: a short line of the list a paragraph announces ("were as follows:"), with prose after the
    /// list (set by the main-run rule).</summary>
    public bool InAnnouncedList { get; set; }

    /// <summary>Word count.</summary>
    public int Words { get; set; }

    /// <summary>Share of the words that are stop words of the page's language.</summary>
    public double StopDensity { get; set; }

    /// <summary>Share of the text inside links.</summary>
    public double LinkDensity => Text.Length == 0 ? 0 : Math.Min(1.0, LinkChars / (double)Text.Length);

    /// <summary>Content class from the text's shape: good, near-good, short or bad.</summary>
    public BlockClass Class { get; set; }

    /// <summary>Null while no rule has decided.</summary>
    public bool? Kept { get; private set; }

    /// <summary>What the block is (body, title, date, byline, caption, noise, ...).</summary>
    public BlockRole Role { get; private set; } = BlockRole.Body;

    /// <summary>Why it was kept or removed.</summary>
    public string Reason { get; private set; } = string.Empty;

    /// <summary>The rule that decided.</summary>
    public RuleId Rule { get; private set; } = RuleId.None;

    public bool IsDecided => Kept.HasValue;

    public bool IsHeading => Tag.Length == 2 && Tag[0] == 'h' && char.IsAsciiDigit(Tag[1]);

    /// <summary>Records a decision; the first decision wins unless <paramref name="overrule"/>.</summary>
    public void Decide(bool kept, BlockRole role, string reason, RuleId rule, bool overrule = false)
    {
        if (Kept.HasValue && !overrule)
        {
            return;
        }

        Kept = kept;
        Role = role;
        Reason = reason;
        Rule = rule;
    }

    public override string ToString() => $"{Line}:{Tag}:{Kept}:{Role}:{Text}";
}

/// <summary>What a block's shape says about it, before context.</summary>
internal enum BlockClass
{
    /// <summary>Link lists, navigation, boilerplate.</summary>
    Bad,
    /// <summary>Too short to judge alone.</summary>
    Short,
    /// <summary>Sentence-like but short or thin in stop words.</summary>
    NearGood,
    /// <summary>A paragraph of prose.</summary>
    Good,
}
