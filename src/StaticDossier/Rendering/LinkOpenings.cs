namespace StaticDossier.Rendering;

/// <summary>Bounds the work Markdig spends on link openings that never close. From each <c>](</c> it scans for the
/// <c>)</c> that ends the address and title; when none comes it scans to the end of the paragraph and starts again at
/// the next opening, so a paragraph of n openings costs n² (measured: 20,000 "[a](" 2.5 s of CPU, 50,000 12 s; an
/// 8 MB page of them would take hours). A page whose openings would make Markdig scan more than
/// <see cref="MaxScan"/> characters is refused before parsing; real articles, whose links close within a line, scan a
/// few thousand.</summary>
internal static class LinkOpenings
{
    /// <summary>The most characters the openings of one body may leave Markdig to scan (a few tenths of a second).</summary>
    public const long MaxScan = 20_000_000;

    /// <summary>The 1-based line of the body near which its openings pass <see cref="MaxScan"/>; null when they do not.</summary>
    public static int? FirstCostlyLine(string markdown)
    {
        // Each opening scans at most to the end of the body: with few openings there is nothing to count.
        var openings = 0L;
        for (var at = markdown.IndexOf("](", StringComparison.Ordinal); at >= 0; at = markdown.IndexOf("](", at + 2, StringComparison.Ordinal))
        {
            openings++;
        }

        if (openings * markdown.Length <= MaxScan)
        {
            return null;
        }

        // From the end backwards: how far each opening is from the next ')' or blank line, where its scan ends.
        var stop = markdown.Length;
        var scanned = 0L;
        for (var i = markdown.Length - 2; i >= 0; i--)
        {
            var c = markdown[i];
            if (c == ')' || (c == '\n' && markdown[i + 1] == '\n'))
            {
                stop = i;
            }
            else if (c == ']' && markdown[i + 1] == '(' && (i == 0 || markdown[i - 1] != '\\'))
            {
                scanned += stop - i;
                if (scanned > MaxScan)
                {
                    return 1 + markdown.AsSpan(0, i).Count('\n');
                }
            }
        }

        return null;
    }
}
