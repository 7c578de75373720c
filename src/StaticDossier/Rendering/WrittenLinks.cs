namespace StaticDossier.Rendering;

/// <summary>The links and ids of a page as the C# template writers write it, noted then so that staging need not scan
/// the page's bytes for them again (that scan was the largest cost of staging a page). Each link's value is noted in
/// two parts, a root and a path, as the writers write them: the link check joins them. HTML the writers copy in
/// without knowing its links (an article's body) is noted as a range of the page, scanned when staged; anything this
/// cannot stand for exactly (a value the page's bytes would not give back, a script or style that might end early)
/// marks the page <see cref="Unknown"/>, and staging scans it whole. <c>WrittenLinksTests</c> hold the notes to the
/// scan of the same bytes.</summary>
internal sealed class WrittenLinks
{
    private readonly List<(string? Root, string Path, int Offset)> _links = [];
    private readonly List<(string Id, int Offset)> _ids = [];
    private readonly List<(int Start, int Length)> _unscanned = [];

    /// <summary>Whether some part of the page is not known without scanning it whole.</summary>
    public bool Unknown { get; private set; }

    /// <summary>Notes a link <paramref name="root"/> + <paramref name="path"/> whose tag starts at byte <paramref name="offset"/>.</summary>
    public void Link(string? root, string path, int offset)
    {
        if (HasSurrogate(root) || HasSurrogate(path))
        {
            Unknown = true; // a lone surrogate is written as U+FFFD: the scan would read another value
        }

        _links.Add((root, path, offset));
    }

    /// <summary>Notes the id <paramref name="id"/>, written in a tag that starts at byte <paramref name="offset"/>.</summary>
    public void Id(string id, int offset)
    {
        if (HasSurrogate(id))
        {
            Unknown = true;
        }

        _ids.Add((id, offset));
    }

    /// <summary>Notes HTML of unknown links at bytes <paramref name="start"/> to <paramref name="start"/> + <paramref name="length"/>.</summary>
    public void Unscanned(int start, int length)
    {
        if (length > 0)
        {
            _unscanned.Add((start, length));
        }
    }

    /// <summary>Marks the page as one to scan whole.</summary>
    public void MarkUnknown() => Unknown = true;

    /// <summary>Notes what <paramref name="part"/> holds, written at byte <paramref name="shift"/> of this page.</summary>
    public void Append(WrittenLinks part, int shift)
    {
        Unknown |= part.Unknown;
        foreach (var (root, path, offset) in part._links)
        {
            _links.Add((root, path, offset + shift));
        }

        foreach (var (id, offset) in part._ids)
        {
            _ids.Add((id, offset + shift));
        }

        foreach (var (start, length) in part._unscanned)
        {
            _unscanned.Add((start + shift, length));
        }
    }

    /// <summary>Notes what <paramref name="part"/> holds, written at byte <paramref name="shift"/> of this page.</summary>
    public void Append(PageLinks part, int shift)
    {
        foreach (var (root, path, offset) in part.Links)
        {
            _links.Add((root, path, offset + shift));
        }

        foreach (var id in part.Ids)
        {
            _ids.Add((id, shift));
        }

        foreach (var (start, length) in part.Unscanned)
        {
            _unscanned.Add((start + shift, length));
        }
    }

    /// <summary>Forgets what was noted at or after byte <paramref name="length"/> (a page given up half written).</summary>
    public void Truncate(int length)
    {
        if (length == 0)
        {
            _links.Clear();
            _ids.Clear();
            _unscanned.Clear();
            Unknown = false;
            return;
        }

        _ids.RemoveAll(i => i.Offset >= length);
        _links.RemoveAll(l => l.Offset >= length);
        _unscanned.RemoveAll(u => u.Start >= length);
    }

    /// <summary>What was noted, kept with the page; null when the page must be scanned whole.</summary>
    public PageLinks? ToPageLinks() => Unknown ? null : new PageLinks([.. _links], [.. _ids.Select(i => i.Id)], [.. _unscanned]);

    private static bool HasSurrogate(string? text) => text is not null && text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
}

/// <summary>A page's links and ids as its writers noted them (see <see cref="WrittenLinks"/>).</summary>
/// <param name="Links">Each link written, in page order: its root (or null) and path, and the byte offset of its tag.</param>
/// <param name="Ids">Each id written.</param>
/// <param name="Unscanned">Byte ranges of HTML whose links and ids were not noted, in page order.</param>
internal sealed record PageLinks((string? Root, string Path, int Offset)[] Links, string[] Ids, (int Start, int Length)[] Unscanned);
