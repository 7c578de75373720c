using System.Text;

namespace StaticDossier.Rendering;

/// <summary>Text kept as UTF-8 bytes for a whole build: a dossier's text is mostly ASCII, so a string took twice the
/// memory. Two values are equal when they are of the same kind and hold the same bytes; the kinds (<see cref="Utf8Html"/>,
/// <see cref="BodyText"/>) stay apart because templates write one unescaped and the other escaped.</summary>
public abstract class Utf8Value
{
    private readonly byte[] _bytes;

    /// <summary>Takes <paramref name="bytes"/> as they are; the caller vouches that they are UTF-8 and gives them up.</summary>
    private protected Utf8Value(byte[] bytes) => _bytes = bytes;

    /// <summary>The UTF-8 bytes.</summary>
    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The text as a string (decoded on each call).</summary>
    public string Value => Encoding.UTF8.GetString(_bytes);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) =>
        ReferenceEquals(this, obj) || (obj is Utf8Value other && other.GetType() == GetType() && _bytes.AsSpan().SequenceEqual(other._bytes));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
