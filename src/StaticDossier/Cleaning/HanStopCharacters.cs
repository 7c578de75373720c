namespace StaticDossier.Cleaning;

/// <summary>Chinese stop words of one character: the words every Chinese sentence needs (的, 是, 了, 在, 们) and a
/// menu or a headline mostly does without. Chinese is written without spaces, so a page in it has no words to look up
/// in a stop list; counted a character at a time, these play the English stop words' part.</summary>
/// <remarks>Not chosen from pages: the one-character entries (all Han) of stopwords-iso's Chinese list (stopwords-zh
/// 0.4.0, MIT), which is in simplified characters, then their traditional forms by OpenCC's table (STCharacters, every
/// form given) and those forms' Taiwan and Hong Kong variants (TWVariants, HKVariants). No kana and no hangul:
/// Japanese kana are function morphemes in menus as much as in prose (a Japanese menu would pass for prose).</remarks>
internal static class HanStopCharacters
{
    private const string Simplified =
        "一七三上下不与且个中临为乃么之乎乘九也了二于五些亦人什今仍从他以们任会但何你使依俺倘借做像儿光八六兮共其内再冒冲几凡凭分则别到区即却去又及另只"
        + "叫可各同后向吓吗吧含吱呀呃呕呗呜呢呵呸咋和咚咦咧咱咳哇哈哉哎哗哟哦哩哪哼唉啊啐啥啦喂喏喽嗡嗬嗯嗳嘎嘘嘛嘻嘿四因在地多大她好如宁它对将小尔就尽己已"
        + "巴年并归当彼往待很得怎您我或所才打把拿按据故无既日时是更曾替最月有望朝本来某欤此每比沿点焉照用由的看着矣离秒称第等管纵经给者而能腾自至致若虽被要让"
        + "论该说请诸谁赶起趁距跟较边过还这连那都阿除随零非靠顺";

    private const string Traditional =
        "並併來個們儘兒內別則區卻唄喲嗎嗚嘍嘔嘩噓噯噹嚇嚮寧將對幷幾彆後從憑拏據於時曏會歟歸沖為無爲爾牠甯當盡瞭祇稱箇給經緻縱纔臨與藉衕衝衹該說説誰請論諸譁"
        + "讓趕較這連過還邊隨隻雖離順餵騰麼點";

    // One flag per character of the CJK Unified Ideographs block: the classifier asks of every Han character.
    private static readonly bool[] Table = Build();

    /// <summary>Whether <paramref name="c"/> is a CJK unified ideograph (U+4E00–U+9FFF).</summary>
    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>Whether <paramref name="c"/> is a Han character on the list.</summary>
    public static bool Contains(char c) => IsHan(c) && Table[c - '\u4e00'];

    /// <summary>The Han characters of <paramref name="text"/>, and how many of them are stop characters.</summary>
    public static (int Han, int Stop) Count(string text)
    {
        int han = 0, stop = 0;
        foreach (var c in text)
        {
            if (IsHan(c))
            {
                han++;
                stop += Table[c - '\u4e00'] ? 1 : 0;
            }
        }

        return (han, stop);
    }

    private static bool[] Build()
    {
        var table = new bool[0x9fff - 0x4e00 + 1];
        foreach (var c in Simplified + Traditional)
        {
            table[c - '\u4e00'] = true;
        }

        return table;
    }
}
