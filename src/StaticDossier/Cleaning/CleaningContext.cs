using AngleSharp.Dom;

namespace StaticDossier.Cleaning;

/// <summary>What rules share while cleaning one page: its blocks, the DOM, the thresholds, and the facts found so
/// far. A fact (<see cref="PageFacts"/>) may be touched only by a rule that declares it: the running rule's
/// declarations are checked on every access, so a dependency between rules cannot hide here.</summary>
internal sealed class CleaningContext
{
    public CleaningContext(IDocument? document, IReadOnlyList<Block> blocks, bool isTextDump, string language,
        CleaningThresholds? thresholds = null)
    {
        Document = document;
        Blocks = blocks;
        IsTextDump = isTextDump;
        Language = language;
        Thresholds = thresholds ?? CleaningThresholds.Default;
    }

    /// <summary>Saved pages: the parsed page; null for a text dump.</summary>
    public IDocument? Document { get; }

    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>True for a plain-text dump (no markup signals: no links, classes or semantic elements).</summary>
    public bool IsTextDump { get; }

    /// <summary>"en" or "vi", from the page's stop words.</summary>
    public string Language { get; }

    /// <summary>The numbers the rules compare with.</summary>
    public CleaningThresholds Thresholds { get; }

    /// <summary>Normalised lines that other seeds of the same outlet also contain.</summary>
    public IReadOnlySet<string> SharedLines { get; init; } = new HashSet<string>();

    private INoiseRule? _running;

    /// <summary>Runs <paramref name="rule"/>, holding it to the facts it declares.</summary>
    public void Run(INoiseRule rule)
    {
        _running = rule;
        try
        {
            rule.Apply(this);
        }
        finally
        {
            _running = null;
        }
    }

    private void Touch(PageFacts fact, bool write)
    {
        if (_running is { } rule && ((write ? rule.Writes : rule.Reads | rule.Writes) & fact) == 0)
        {
            throw new InvalidOperationException($"Rule '{rule.Name}' {(write ? "writes" : "reads")} {fact} without declaring it.");
        }
    }

    /// <summary>The headline.</summary>
    public string? Title
    {
        get => _title;
        set
        {
            Touch(PageFacts.Title, write: true);
            _title = value;
        }
    }

    private string? _title;

    /// <summary>Saved pages: the element holding the article, when one was found.</summary>
    public IElement? Container
    {
        get
        {
            Touch(PageFacts.Container, write: false);
            return _container;
        }
        set
        {
            Touch(PageFacts.Container, write: true);
            _container = value;
        }
    }

    private IElement? _container;

    /// <summary>Saved pages: the elements that directly hold the article's paragraphs.</summary>
    public IReadOnlySet<IElement> BodyElements
    {
        get
        {
            Touch(PageFacts.BodyElements, write: false);
            return _bodyElements;
        }
    }

    private readonly HashSet<IElement> _bodyElements = [];

    /// <summary>Adds an element that directly holds the article's paragraphs.</summary>
    public void AddBodyElement(IElement element)
    {
        Touch(PageFacts.BodyElements, write: true);
        _bodyElements.Add(element);
    }

    /// <summary>True when <paramref name="block"/> sits beside the article's paragraphs (within three levels).</summary>
    public bool BesideBody(Block block)
    {
        var body = BodyElements;
        var depth = 0;
        for (var e = block.Container?.ParentElement; e is not null && depth < 3; e = e.ParentElement, depth++)
        {
            if (body.Contains(e))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>False for a navigation-like ancestor that holds most of the prose (a class name that lies).</summary>
    public Func<IElement, bool> IsRealNoise
    {
        get
        {
            Touch(PageFacts.RealNoise, write: false);
            return _isRealNoise;
        }
        set
        {
            Touch(PageFacts.RealNoise, write: true);
            _isRealNoise = value;
        }
    }

    private Func<IElement, bool> _isRealNoise = static _ => true;

    public DateOnly? Date { get; private set; }

    public string? Source { get; private set; }

    public string? Byline { get; private set; }

    /// <summary>Sets the date unless one was already found earlier on the page.</summary>
    public void OfferDate(DateOnly date)
    {
        Touch(PageFacts.Date, write: true);
        Date ??= date;
    }

    /// <summary>Sets the source unless one was already found.</summary>
    public void OfferSource(string? source)
    {
        Touch(PageFacts.Source, write: true);
        Source ??= source;
    }

    /// <summary>Sets the byline unless one was already found.</summary>
    public void OfferByline(string? byline)
    {
        Touch(PageFacts.Byline, write: true);
        Byline ??= byline;
    }

    private readonly List<string> _notes = [];

    /// <summary>Page-level explanations (a cut a rule stepped back from, and why), printed by <c>dossier explain</c>.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Records why a rule decided about the page as a whole.</summary>
    public void Note(string note) => _notes.Add(note);

    /// <summary>Characters of good prose in blocks [from, to).</summary>
    public int GoodChars(int from, int to) => ProseChars(from, to, BlockClass.Good);

    /// <summary>Characters of blocks of at least class <paramref name="least"/> in [from, to), dropped ones aside.</summary>
    public int ProseChars(int from, int to, BlockClass least)
    {
        var sum = 0;
        for (var i = Math.Max(0, from); i < Math.Min(to, Blocks.Count); i++)
        {
            var b = Blocks[i];
            if (b.Class >= least && b.Kept != false)
            {
                sum += b.Text.Length;
            }
        }

        return sum;
    }
}
