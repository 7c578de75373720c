using System.Text;

namespace StaticDossier.Rendering;

/// <summary>The writer a body's plain-text render writes into: it keeps the characters with every run of white space
/// made one space and none at either end (<see cref="MarkdownRenderer.Collapse"/>'s rule, applied as they arrive), so
/// the render's text is never kept whole and read again. A <see cref="StringWriter"/> only because Markdig resets
/// nothing else between documents; every write is taken here, and <see cref="TakeUtf8"/> checks that none reached
/// the base class.</summary>
internal sealed class CollapsingWriter : StringWriter
{
    private char[] _buffer = new char[4096];
    private int _length;
    private bool _space;

    public override void Write(char value) => Append(new ReadOnlySpan<char>(in value));

    public override void Write(char[] buffer, int index, int count) => Append(buffer.AsSpan(index, count));

    public override void Write(char[]? buffer) => Append(buffer);

    public override void Write(ReadOnlySpan<char> buffer) => Append(buffer);

    public override void Write(string? value) => Append(value);

    public override void Write(StringBuilder? value)
    {
        if (value is not null)
        {
            foreach (var chunk in value.GetChunks())
            {
                Append(chunk.Span);
            }
        }
    }

    // A line break is white space: the line ends collapse with the spaces around them.
    public override void WriteLine() => _space = _length > 0;

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        Append(buffer);
        WriteLine();
    }

    public override void WriteLine(string? value)
    {
        Append(value);
        WriteLine();
    }

    public override void WriteLine(StringBuilder? value)
    {
        Write(value);
        WriteLine();
    }

    public override void WriteLine(char value)
    {
        Write(value);
        WriteLine();
    }

    public override void WriteLine(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        WriteLine();
    }

    /// <summary>The collapsed text as UTF-8, encoded as <see cref="Encoding.UTF8"/> encodes the whole string; the
    /// writer is emptied for the next body.</summary>
    public BodyText TakeUtf8()
    {
        if (GetStringBuilder().Length > 0)
        {
            throw new InvalidOperationException("A write bypassed the collapsing writer.");
        }

        var text = BodyText.FromUtf8(Encoding.UTF8.GetBytes(_buffer, 0, _length));
        Clear();
        return text;
    }

    /// <summary>Forgets what was written (also after a failed render).</summary>
    public void Clear()
    {
        (_length, _space) = (0, false);
        GetStringBuilder().Clear();
        if (_buffer.Length > 1 << 20)
        {
            _buffer = new char[4096]; // one huge body must not pin a megabyte per thread
        }
    }

    private void Append(ReadOnlySpan<char> text)
    {
        // At most one space owed from before, then each character at most once.
        if (_length + text.Length + 1 > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + text.Length + 1));
        }

        _length = AppendCollapsed(text, _buffer, _length, ref _space);
    }

    /// <summary>Appends <paramref name="text"/> to <c>buffer[..length]</c> with every run of white space made one space
    /// and none before the first character; <paramref name="space"/> is a space owed from before (written only ahead of
    /// a character that follows). The buffer must have room for the text and one space; returns the new length.
    /// (Measured: a vectorised search for white space loses to this loop, as words are a few characters long.)</summary>
    internal static int AppendCollapsed(ReadOnlySpan<char> text, char[] buffer, int length, ref bool space)
    {
        var owed = space;
        foreach (var c in text)
        {
            // Below U+0085 only the space and U+0009-U+000D are white space: one compare for most characters.
            if (c < '\u0085' ? c == ' ' || (uint)(c - '\t') <= '\r' - '\t' : char.IsWhiteSpace(c))
            {
                owed = length > 0;
            }
            else
            {
                if (owed)
                {
                    buffer[length++] = ' ';
                    owed = false;
                }

                buffer[length++] = c;
            }
        }

        space = owed;
        return length;
    }
}
