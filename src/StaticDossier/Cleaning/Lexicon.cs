using System.Collections.Frozen;

namespace StaticDossier.Cleaning;

/// <summary>Word lists the rules share: stop words per language (the signal that separates prose from
/// menus) and class/id fragments that name page furniture.</summary>
internal static class Lexicon
{
    public static readonly HashSet<string> EnglishStopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "even", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "least", "less", "like", "many", "may", "me", "might", "more", "most", "much", "must", "my", "no",
        "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own",
        "said", "same", "says", "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their",
        "theirs", "them", "then", "there", "these", "they", "this", "those", "though", "through", "to", "too", "under",
        "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while",
        "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "you", "your", "yours", "yet",
        "it's", "it’s", "don't", "don’t", "that's", "that’s", "there's", "there’s", "i'm", "i’m", "we're", "we’re", "they're",
        "they’re", "isn't", "isn’t", "can't", "can’t", "won't", "won’t", "didn't", "didn’t", "doesn't", "doesn’t",
    };

    // Vietnamese is written in syllables: these are the function syllables that fill running prose.
    public static readonly HashSet<string> VietnameseStopWords = new(StringComparer.Ordinal)
    {
        "và", "của", "các", "những", "là", "được", "trong", "cho", "với", "có", "không", "đã", "này", "một", "người",
        "về", "để", "tại", "cũng", "khi", "đến", "từ", "theo", "như", "sẽ", "việc", "nhằm", "đó", "thì", "mà", "ra",
        "vào", "lại", "nhiều", "đang", "nên", "vì", "nhưng", "hay", "hoặc", "bị", "nếu", "còn", "rằng", "sau", "trên",
        "dưới", "cùng", "đây", "đều", "rất", "hơn", "nhất", "vẫn", "tới", "qua", "bằng", "do", "nay", "gì", "nào",
        "làm", "thể", "hai", "bên", "giữa", "trước", "cả", "mới", "đối", "với", "sự", "thời", "gian", "nhau", "chúng",
        "ta", "tôi", "họ", "ông", "bà", "hiện", "nhận", "thấy", "đồng", "tiếp", "tục", "hết", "chỉ", "vừa", "luôn",
    };

    /// <summary>Both stop lists in one table, for counting a text's stop words with one lookup a word.</summary>
    public static readonly FrozenDictionary<string, StopLists> StopWords =
        EnglishStopWords.Select(w => (Word: w, List: StopLists.English))
            .Concat(VietnameseStopWords.Select(w => (Word: w, List: StopLists.Vietnamese)))
            .GroupBy(e => e.Word, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(StopLists.None, (lists, e) => lists | e.List), StringComparer.Ordinal)
            .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Class/id fragments of page furniture, matched as substrings of lower-cased names.</summary>
    public static readonly string[] NoiseNameFragments =
    [
        "comment", "sidebar", "side-bar", "breadcrumb", "newsletter", "subscribe", "signup", "sign-up", "related",
        "recommend", "promo", "sponsor", "advert", "outbrain", "taboola", "disqus", "social", "share", "sharing",
        "cookie", "consent", "popup", "modal", "widget", "footer", "masthead", "navbar", "navigation", "menu",
        "pagination", "pager", "trending", "popular", "most-read", "mostread", "more-stories", "read-more", "readmore",
        "author-bio", "byline", "toolbar", "skip-link", "skiplink", "banner", "tag-list", "taglist", "tags", "rss",
        "print-only", "hidden", "sr-only", "visually-hidden", "login", "signin", "teaser", "carousel",
    ];

    /// <summary>Class/id tokens of page furniture, matched as whole tokens (too short for substrings).</summary>
    public static readonly HashSet<string> NoiseNameTokens = new(StringComparer.Ordinal)
    {
        "nav", "ad", "ads", "adv", "meta", "tools", "foot", "header", "top", "aside", "caption", "credit", "credits",
        "date", "time", "author", "dateline", "timestamp", "hide", "more", "next", "prev", "follow", "subnav", "topics",
    };

    /// <summary>Whole class names that mark an element as the post or article itself (hAtom and h-entry
    /// microformats, WordPress and TypePad post classes, common CMS body classes).</summary>
    public static readonly HashSet<string> ArticleClassNames = new(StringComparer.Ordinal)
    {
        "hentry", "h-entry", "type-post", "entry-type-post", "entry-content", "entry-body", "post-content", "post-body",
        "article-body", "article-content", "articlebody", "story-body", "story-content",
    };

    /// <summary>Headings that open a list of other stories (the article has ended), English and Vietnamese.</summary>
    public static readonly string[] EndSectionHeadings =
    [
        "other news", "trending", "related", "related news", "related stories", "related articles", "related content",
        "read more", "read next", "see more", "more news", "more stories", "more from", "most read", "most popular",
        "recommended", "you may also like", "you might also like", "latest news", "top stories", "popular", "editor's picks",
        "xem thêm", "xem thêm tin", "tin liên quan", "tin khác", "tin cùng chuyên mục", "bài liên quan", "đọc thêm", "tin mới",
        "comments", "leave a comment", "leave a reply", "share this", "tags", "topics",
    ];

    public static bool IsStopWord(string language, string word) =>
        language == "vi" ? VietnameseStopWords.Contains(word) : EnglishStopWords.Contains(word);
}

/// <summary>The stop lists a word is on.</summary>
[Flags]
internal enum StopLists : byte
{
    None = 0,
    English = 1,
    Vietnamese = 2,
}
