using System.Text;
using System.Text.Unicode;

namespace StaticDossier.Rendering;

/// <summary>A page, or a part of one, written straight as UTF-8 by the C# template writers (<see cref="DefaultLayout"/>
/// and the others): an article's body and a list's items, kept as UTF-8, are copied in as they are, and the page is
/// never characters to encode at the end. The bytes are the ones <see cref="Encoding.UTF8"/> gives for all the text
/// written as one string: a surrogate pair split between two writes is joined, a lone surrogate becomes U+FFFD.</summary>
internal sealed class Utf8Output
{
    private const int Start = 16 << 10;

    private byte[] _bytes = new byte[Start];
    private int _length;

    // A high surrogate that ended the last write of text: it pairs with a low surrogate that starts the next.
    private char _high;

    /// <summary>The links and ids the C# writers noted as they wrote (see <see cref="DefaultLayout.Writer"/>).</summary>
    public WrittenLinks Links { get; } = new();

    /// <summary>Bytes written so far (a high surrogate still waiting for its pair not counted).</summary>
    public int Length => _length;

    /// <summary>The bytes written.</summary>
    public ReadOnlySpan<byte> Written
    {
        get
        {
            Settle();
            return _bytes.AsSpan(0, _length);
        }
    }

    /// <summary>Appends <paramref name="text"/>, encoded.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (_high != '\0')
        {
            var high = _high;
            _high = '\0';
            if (char.IsLowSurrogate(text[0]))
            {
                Encode([high, text[0]]);
                text = text[1..];
            }
            else
            {
                Replacement();
            }
        }

        if (!text.IsEmpty && char.IsHighSurrogate(text[^1]))
        {
            _high = text[^1];
            text = text[..^1];
        }

        Encode(text);
    }

    /// <summary>Appends bytes that are UTF-8 already (generated HTML, a literal).</summary>
    public void Append(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return; // nothing comes between a high surrogate and the low one that may follow
        }

        Settle();
        Ensure(utf8.Length);
        utf8.CopyTo(_bytes.AsSpan(_length));
        _length += utf8.Length;
    }

    /// <summary>Goes back to <paramref name="length"/> bytes (a page given up half written).</summary>
    public void Truncate(int length)
    {
        _high = '\0';
        _length = length;
        Links.Truncate(length);
    }

    /// <summary>The number of characters the bytes decode to (what Scriban counts against its limits).</summary>
    public int CharCount => Encoding.UTF8.GetCharCount(Written);

    /// <summary>A copy of the bytes written.</summary>
    public byte[] ToArray()
    {
        var written = Written;
        // Every byte is copied over, so the array need not be cleared first (a site's worth of clearing).
        var bytes = GC.AllocateUninitializedArray<byte>(written.Length);
        written.CopyTo(bytes);
        return bytes;
    }

    /// <summary>Appends the text written to <paramref name="chars"/>, decoded (for a template Scriban renders).</summary>
    public void DecodeInto(StringBuilder chars)
    {
        var written = Written;
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(written.Length));
        try
        {
            chars.Append(buffer, 0, Encoding.UTF8.GetChars(written, buffer));
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Empties the buffer for the next page, letting go of what one huge page grew it to.</summary>
    public void Clear()
    {
        Truncate(0);
        if (_bytes.Length > 4 << 20)
        {
            _bytes = new byte[Start];
        }
    }

    private void Encode(ReadOnlySpan<char> text)
    {
        Ensure(text.Length * 3);
        Utf8.FromUtf16(text, _bytes.AsSpan(_length), out _, out var written, replaceInvalidSequences: true, isFinalBlock: true);
        _length += written;
    }

    /// <summary>A high surrogate left alone is written as U+FFFD, as the encoder writes it.</summary>
    private void Settle()
    {
        if (_high != '\0')
        {
            _high = '\0';
            Replacement();
        }
    }

    private void Replacement() => Append("\uFFFD"u8);

    private void Ensure(int more)
    {
        if (_length + more > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + more));
        }
    }
}
