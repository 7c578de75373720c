using AngleSharp.Dom;

namespace StaticDossier.Cleaning;

/// <summary>What rules share while cleaning one page: its blocks, the DOM, and the metadata found so far.</summary>
internal sealed class CleaningContext
{
    public CleaningContext(IDocument? document, IReadOnlyList<Block> blocks, bool isTextDump, string language)
    {
        Document = document;
        Blocks = blocks;
        IsTextDump = isTextDump;
        Language = language;
    }

    /// <summary>Saved pages: the parsed page; null for a text dump.</summary>
    public IDocument? Document { get; }

    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>True for a plain-text dump (no markup signals: no links, classes or semantic elements).</summary>
    public bool IsTextDump { get; }

    /// <summary>"en" or "vi", from the page's stop words.</summary>
    public string Language { get; }

    /// <summary>Normalised lines that other seeds of the same outlet also contain.</summary>
    public IReadOnlySet<string> SharedLines { get; init; } = new HashSet<string>();

    public string? Title { get; set; }

    /// <summary>Saved pages: the element holding the article, when one was found.</summary>
    public IElement? Container { get; set; }

    /// <summary>Saved pages: the elements that directly hold the article's paragraphs.</summary>
    public HashSet<IElement> BodyElements { get; } = [];

    /// <summary>True when <paramref name="block"/> sits beside the article's paragraphs (within three levels).</summary>
    public bool BesideBody(Block block)
    {
        var depth = 0;
        for (var e = block.Container?.ParentElement; e is not null && depth < 3; e = e.ParentElement, depth++)
        {
            if (BodyElements.Contains(e))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>False for a navigation-like ancestor that holds most of the prose (a class name that lies).</summary>
    public Func<IElement, bool> IsRealNoise { get; set; } = static _ => true;

    public DateOnly? Date { get; set; }

    /// <summary>Line of the block the date came from.</summary>
    public int DateLine { get; set; }

    public string? Source { get; set; }

    public string? Byline { get; set; }

    /// <summary>Index of the first block after the article's end, when a rule found the end.</summary>
    public int? EndIndex { get; set; }

    /// <summary>Characters of good prose in blocks [from, to).</summary>
    public int GoodChars(int from, int to)
    {
        var sum = 0;
        for (var i = Math.Max(0, from); i < Math.Min(to, Blocks.Count); i++)
        {
            var b = Blocks[i];
            if (b.Class == BlockClass.Good && b.Kept != false)
            {
                sum += b.Text.Length;
            }
        }

        return sum;
    }

    /// <summary>Sets the date unless one was already found earlier on the page.</summary>
    public void OfferDate(DateOnly date, int line)
    {
        if (Date is null)
        {
            Date = date;
            DateLine = line;
        }
    }
}
