namespace StaticDossier.Rendering.Incremental;

/// <summary>A part of a file made whole from parts (<see cref="RenderMemo.Joined"/>) that is made anew whenever its
/// model object is (an edited article's view), yet most often holds the same bytes as before (a body edit leaves an
/// article's metadata record as it was): compared by its bytes, so the file is not joined again. At 10,000 articles
/// the data files are 14 MB, a fresh large object on every save that changes any part's object.</summary>
internal interface IJoinedPart
{
    /// <summary>Whether <paramref name="other"/> is a part of the same kind holding the same bytes.</summary>
    bool SameBytes(object other);
}
