using System.Text;

namespace StaticDossier.Rendering;

/// <summary>Generated HTML kept as UTF-8, as it will be written: an article body, which a build holds from the model
/// until its page is rendered. As a string it took twice the bytes (a dossier's bodies are mostly ASCII): some
/// 0.5 GB at 100,000 articles. Templates write it unescaped, like <see cref="RawHtml"/>.</summary>
public sealed class Utf8Html : Utf8Value, IEquatable<Utf8Html>
{
    /// <summary>Encodes <paramref name="html"/>.</summary>
    public Utf8Html(string html)
        : base(Encoding.UTF8.GetBytes(html))
    {
    }

    /// <summary>Encodes <paramref name="html"/>.</summary>
    public Utf8Html(ReadOnlySpan<char> html)
        : base(Encode(html))
    {
    }

    private Utf8Html(byte[] bytes, PageLinks? links = null)
        : base(bytes) => Links = links;

    /// <summary>No HTML.</summary>
    public static Utf8Html Empty { get; } = new(Array.Empty<byte>());

    /// <summary>Takes <paramref name="bytes"/> as they are; the caller vouches that they are UTF-8 and gives them up.</summary>
    internal static Utf8Html FromUtf8(byte[] bytes) => bytes.Length == 0 ? Empty : new(bytes);

    /// <summary>As <see cref="FromUtf8(byte[])"/>, with the links and ids its writer noted (a list item).</summary>
    internal static Utf8Html FromUtf8(byte[] bytes, PageLinks? links) => bytes.Length == 0 ? Empty : new(bytes, links);

    /// <summary>The links and ids its writer noted, offsets counted from its start; null when not noted.</summary>
    internal PageLinks? Links { get; }

    /// <inheritdoc />
    public bool Equals(Utf8Html? other) => Equals((object?)other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();

    private static byte[] Encode(ReadOnlySpan<char> html)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(html)];
        Encoding.UTF8.GetBytes(html, bytes);
        return bytes;
    }
}
