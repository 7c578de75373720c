using System.Text;

namespace StaticDossier.Rendering;

/// <summary>An article body as plain text (whitespace collapsed), kept as UTF-8 from rendering (or the body cache) to the
/// end of a build: summaries, matching, similarity and search read it, and the search index writes it out. As a string
/// it took twice the bytes (a dossier's text is mostly ASCII): some 0.8 GB at 100,000 articles. Compared by its bytes;
/// templates see its text.</summary>
public sealed class BodyText : Utf8Value, IEquatable<BodyText>
{
    /// <summary>Encodes <paramref name="text"/>.</summary>
    public BodyText(string text)
        : base(Encoding.UTF8.GetBytes(text))
    {
    }

    private BodyText(byte[] bytes)
        : base(bytes)
    {
    }

    /// <summary>No text.</summary>
    public static BodyText Empty { get; } = new(Array.Empty<byte>());

    /// <summary>Takes <paramref name="bytes"/> as they are; the caller vouches that they are UTF-8 and gives them up.</summary>
    internal static BodyText FromUtf8(byte[] bytes) => bytes.Length == 0 ? Empty : new(bytes);

    /// <inheritdoc />
    public bool Equals(BodyText? other) => Equals((object?)other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}
