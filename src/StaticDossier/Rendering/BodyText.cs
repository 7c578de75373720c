using System.Text;

namespace StaticDossier.Rendering;

/// <summary>An article body as plain text (whitespace collapsed), kept as UTF-8 from rendering (or the body cache) to the
/// end of a build: summaries, matching, similarity and search read it, and the search index writes it out. As a string
/// it took twice the bytes (a dossier's text is mostly ASCII): some 0.8 GB at 100,000 articles. Compared by its bytes;
/// templates see its text.</summary>
public sealed class BodyText : IEquatable<BodyText>
{
    private readonly byte[] _bytes;

    /// <summary>Encodes <paramref name="text"/>.</summary>
    public BodyText(string text) => _bytes = Encoding.UTF8.GetBytes(text);

    private BodyText(byte[] bytes) => _bytes = bytes;

    /// <summary>No text.</summary>
    public static BodyText Empty { get; } = new(Array.Empty<byte>());

    /// <summary>Takes <paramref name="bytes"/> as they are; the caller vouches that they are UTF-8 and gives them up.</summary>
    internal static BodyText FromUtf8(byte[] bytes) => bytes.Length == 0 ? Empty : new(bytes);

    /// <summary>The text's UTF-8 bytes.</summary>
    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The text as a string (decoded on each call).</summary>
    public string Value => Encoding.UTF8.GetString(_bytes);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <inheritdoc />
    public bool Equals(BodyText? other) => ReferenceEquals(this, other) || (other is not null && _bytes.AsSpan().SequenceEqual(other._bytes));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BodyText);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
