namespace StaticDossier.Cleaning;

/// <summary>Every rule's stable id, in one place: decisions record it, <c>dossier explain</c> and the golden files
/// print its name, and rules that read another rule's decisions name it here rather than by a string.</summary>
internal enum RuleId
{
    /// <summary>No rule has decided yet.</summary>
    None,
    HtmlMeta,
    Duplicate,
    Caption,
    DateLine,
    EndMarker,
    EndSection,
    Credit,
    Repeated,
    Boilerplate,
    Container,
    Semantic,
    LinkDensity,
    MainRun,
    Title,
    ShortRun,
    Short,
    /// <summary>Undecided after every rule: prose in the article.</summary>
    Default,
    /// <summary>Kept after all because nothing else was left.</summary>
    EmptyFallback,
    /// <summary>Text dumps: the line model overruled the rules' decision.</summary>
    LineModel,
}

/// <summary>Names and kinds of <see cref="RuleId"/>s.</summary>
internal static class RuleIds
{
    /// <summary>The stable printed name (<c>main-run</c>, <c>link-density</c>).</summary>
    public static string Name(this RuleId id) => id switch
    {
        RuleId.None => string.Empty,
        RuleId.HtmlMeta => "html-meta",
        RuleId.Duplicate => "duplicate",
        RuleId.Caption => "caption",
        RuleId.DateLine => "date-line",
        RuleId.EndMarker => "end-marker",
        RuleId.EndSection => "end-section",
        RuleId.Credit => "credit",
        RuleId.Repeated => "repeated",
        RuleId.Boilerplate => "boilerplate",
        RuleId.Container => "container",
        RuleId.Semantic => "semantic",
        RuleId.LinkDensity => "link-density",
        RuleId.MainRun => "main-run",
        RuleId.Title => "title",
        RuleId.ShortRun => "short-run",
        RuleId.Short => "short",
        RuleId.Default => "default",
        RuleId.EmptyFallback => "empty-fallback",
        RuleId.LineModel => "line-model",
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
    };

    /// <summary>True for rules that drop a block for its shape or place (short lines, short runs, off the main run
    /// or its container) rather than for being known noise (navigation and link lists, end markers, credits,
    /// captions, duplicates, boilerplate).</summary>
    public static bool JudgesByShape(this RuleId id) => id is RuleId.Container or RuleId.MainRun or RuleId.ShortRun or RuleId.Short;

    /// <summary>True for rules that drop a block for its markup (a navigation-like element, a link list).</summary>
    public static bool JudgesByMarkup(this RuleId id) => id is RuleId.LinkDensity or RuleId.Semantic;
}
