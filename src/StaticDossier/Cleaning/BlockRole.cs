namespace StaticDossier.Cleaning;

/// <summary>What a block is on the page, as the rule that decided it saw it.</summary>
internal enum BlockRole
{
    Body,
    Heading,
    Title,
    Date,
    Byline,
    Source,
    Caption,
    Noise,
    Duplicate,
    Standfirst,
}

/// <summary>Names of <see cref="BlockRole"/>s.</summary>
internal static class BlockRoles
{
    /// <summary>The stable printed name (<c>body</c>, <c>standfirst</c>).</summary>
    public static string Name(this BlockRole role) => role switch
    {
        BlockRole.Body => "body",
        BlockRole.Heading => "heading",
        BlockRole.Title => "title",
        BlockRole.Date => "date",
        BlockRole.Byline => "byline",
        BlockRole.Source => "source",
        BlockRole.Caption => "caption",
        BlockRole.Noise => "noise",
        BlockRole.Duplicate => "duplicate",
        BlockRole.Standfirst => "standfirst",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
