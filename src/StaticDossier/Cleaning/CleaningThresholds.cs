namespace StaticDossier.Cleaning;

/// <summary>Every tunable number the rules use, in one immutable record (trafilatura keeps its knobs on one
/// options object too). Rules read it from <see cref="CleaningContext.Thresholds"/>; a tuning run builds a copy
/// with <c>with</c>, so parallel cleanings never share a changing value.</summary>
internal sealed record CleaningThresholds
{
    /// <summary>The values the dossier uses.</summary>
    public static CleaningThresholds Default { get; } = new();

    // --- boilerplate ---

    /// <summary>A service pitch ("sign up for", "follow us on") counts as boilerplate only in blocks of at most
    /// this many words: a story may well be about a newsletter.</summary>
    public double PitchWords { get; init; } = 40;

    /// <summary>A legal phrase ("all rights reserved", "privacy policy") makes a block boilerplate when the block has
    /// at most this many words; a longer one needs a second, different legal phrase (a story may quote one).</summary>
    public double LegalWords { get; init; } = 80;

    // --- duplicates ---

    /// <summary>Text dumps: a paragraph of prose repeated within this many blocks of its original is the text's own
    /// refrain and stays (saved pages ask for the same element instead).</summary>
    public double RefrainReach { get; init; } = 8;

    /// <summary>A near copy (four fifths of its words shared) counts only when at least this share of the smaller
    /// block's word trigrams are in the other too: a copy repeats runs of words, paragraphs written to one template
    /// share words but not runs (0: words alone decide).</summary>
    public double NearCopySequence { get; init; } = 0.85;

    // --- container ---

    /// <summary>A sibling of the elected container joins the article when its own score is at least this share
    /// of the container's (and at least 100): articles split over standfirst and body parts.</summary>
    public double SiblingShare { get; init; } = 0.2;

    /// <summary>A navigation-like ancestor holding half the good prose and at least this share of all text is a
    /// false alarm (its class name lies).</summary>
    public double FalseAlarmShare { get; init; } = 0.25;

    /// <summary>The elected container must hold at least this share of the page's good prose, or there is no cut.</summary>
    public double ContainerMinShare { get; init; } = 0.3;

    /// <summary>The element whose own paragraphs hold the most prose is evidence of the article when they hold at
    /// least this many characters ...</summary>
    public double ProseHolderChars { get; init; } = 400;

    /// <summary>... and this share of the page's good prose ...</summary>
    public double ProseHolderShare { get; init; } = 0.3;

    /// <summary>... and this many times as much as the element with the next most.</summary>
    public double ProseHolderLead { get; init; } = 2;

    // --- end section ---

    /// <summary>A readers'-comments heading ends the article unless the run of prose right after it is longer than
    /// this many times the longest run of prose before it (then it is a comment counter in the article's header).</summary>
    public double CommentsRunLead { get; init; } = 1;

    /// <summary>Text dumps: a bare "Comments" heading (no count, no signatures under it) ends the article, as a counted
    /// one does, when the good prose under it (up to the next end-section heading: a sidebar is that heading's) is at
    /// most this many times all the good prose above it (otherwise it is a toolbar link above the story); 0: a bare
    /// heading ends nothing without signatures.</summary>
    public double BareCommentsRunLead { get; init; } = 1;

    /// <summary>Text dumps: this many signatures (short lines with a date and a time) with prose between them, down to
    /// the last paragraph and no comment longer than the prose above, are readers' comments, cut from the first
    /// signature (0: never).</summary>
    public double ThreadSignatures { get; init; } = 3;

    /// <summary>Text dumps: a thread of signatures goes on through at most this many comments of short lines alone in a
    /// row ("its called ovomit!!!", "get more facts Taylor"); one more in a row (a list of dated teasers) ends it.</summary>
    public double ThreadShortComments { get; init; } = 2;

    // --- main run ---

    /// <summary>Weight of a paragraph after one or two short lines (a teaser's headline and author).</summary>
    public double TeaserShare { get; init; } = 0.4;

    /// <summary>Weight of a paragraph after a longer list of short lines.</summary>
    public double ListShare { get; init; } = 0.8;

    /// <summary>Saved pages: when the best run holds less than this share of the page's good prose, the run is found
    /// again with short lines in a row costing no more than one by one (0: never).</summary>
    public double MainRunMinShare { get; init; } = 0.5;

    /// <summary>Text dumps: the same, for a dump's main run.</summary>
    public double TextMainRunMinShare { get; init; } = 0.5;

    /// <summary>Text dumps: a run of prose beside the main run is another part of the article (a FAQ's next answer, a
    /// guide's next section) when it scores at least this share of the main run (0: never), holds good prose, ...</summary>
    public double PartShare { get; init; } = 0.3;

    /// <summary>... at least this share of its paragraphs end like sentences, and no end section, end marker or legal
    /// footer stands between the two.</summary>
    public double PartSentences { get; init; } = 0.8;

    /// <summary>Text dumps: at most this many short lines after a paragraph ending in a colon, with prose after them,
    /// are the list the paragraph announces: they neither cut the main run nor count as a menu (0: never).</summary>
    public double AnnouncedListLines { get; init; } = 20;

    /// <summary>A block ending in "…" or "..." is a teaser for another page.</summary>
    public bool DropTruncated { get; init; } = true;

    /// <summary>Saved pages: prose above the article's body element (a dek) is the standfirst and goes.</summary>
    public bool DropStandfirst { get; init; } = true;

    /// <summary>Saved pages: a line beside the body's paragraphs stays when it has this many words (list-like
    /// elements and headings stay whatever their length).</summary>
    public double ListLineWords { get; init; } = 2;

    /// <summary>Saved pages: cost of each short line in a row (the n-th costs n times this).</summary>
    public double ShortCost { get; init; } = 10;

    /// <summary>Saved pages: cost per character of a short line.</summary>
    public double ShortLengthCost { get; init; } = 0.3;

    /// <summary>Text dumps: cost of each short line in a row (dumps have no markup to tell menus apart).</summary>
    public double TextShortCost { get; init; } = 25;

    /// <summary>Text dumps: cost per character of a short line.</summary>
    public double TextShortLengthCost { get; init; } = 1;

    /// <summary>Prose beyond the run joins it when this share of its content words is already in the run.</summary>
    public double Coherence { get; init; } = 0.5;

    /// <summary>How many blocks the run may reach across to join coherent prose.</summary>
    public double MaxGap { get; init; } = 4;

    // --- line model (text dumps) ---

    /// <summary>A line the rules dropped for its shape or place is kept when the line model gives it at least this
    /// probability of being part of the article (above 1: never).</summary>
    public double LineModelKeep { get; init; } = 0.5;

    // --- weak evidence ---

    /// <summary>Saved pages: an article the rules left under this share of what their cuts by shape or place dropped
    /// (outside navigation-like elements, not link-only) was cut on weak evidence, and what those cuts dropped is
    /// kept after all (0: only an empty article falls back).</summary>
    public double NearEmptyShare { get; init; } = 0.6;

    /// <summary>Text dumps: the same (0: only an empty article). Off: in a dump the cuts by shape drop menus and
    /// sidebars as well, so what they dropped is no measure of the article (it lost out of sample at every share).</summary>
    public double TextNearEmptyShare { get; init; }

    // --- short blocks ---

    /// <summary>A short sentence between two paragraphs stays when it has at least this many words.</summary>
    public double SentenceWords { get; init; } = 2;
}
