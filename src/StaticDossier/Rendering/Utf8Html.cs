using System.Text;

namespace StaticDossier.Rendering;

/// <summary>Generated HTML kept as UTF-8, as it will be written: an article body, which a build holds from the model
/// until its page is rendered. As a string it took twice the bytes (a dossier's bodies are mostly ASCII): some
/// 0.5 GB at 100,000 articles. Templates write it unescaped, like <see cref="RawHtml"/>.</summary>
public sealed class Utf8Html : IEquatable<Utf8Html>
{
    private readonly byte[] _bytes;

    /// <summary>Encodes <paramref name="html"/>.</summary>
    public Utf8Html(string html) => _bytes = Encoding.UTF8.GetBytes(html);

    /// <summary>Encodes <paramref name="html"/>.</summary>
    public Utf8Html(ReadOnlySpan<char> html)
    {
        _bytes = new byte[Encoding.UTF8.GetByteCount(html)];
        Encoding.UTF8.GetBytes(html, _bytes);
    }

    private Utf8Html(byte[] bytes) => _bytes = bytes;

    /// <summary>No HTML.</summary>
    public static Utf8Html Empty { get; } = new(Array.Empty<byte>());

    /// <summary>Takes <paramref name="bytes"/> as they are; the caller vouches that they are UTF-8 and gives them up.</summary>
    internal static Utf8Html FromUtf8(byte[] bytes) => bytes.Length == 0 ? Empty : new(bytes);

    /// <summary>The HTML's UTF-8 bytes.</summary>
    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The HTML as a string (decoded on each call).</summary>
    public string Value => Encoding.UTF8.GetString(_bytes);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <inheritdoc />
    public bool Equals(Utf8Html? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Utf8Html);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
