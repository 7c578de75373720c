namespace StaticDossier.IO;

/// <summary>A stream that keeps nothing and tells whether what was written to it is exactly a file's bytes: a file
/// that would be rewritten with what it holds is left alone, without holding the new bytes to compare.</summary>
internal sealed class SameBytesStream : Stream
{
    private readonly FileStream _file;
    private byte[] _read = new byte[1 << 16];

    private SameBytesStream(FileStream file) => _file = file;

    /// <summary>Whether <paramref name="write"/> writes exactly the bytes of <paramref name="path"/> (false when there
    /// is no such file).</summary>
    public static bool Matches(string path, Action<Stream> write)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var same = new SameBytesStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));
        write(same);
        return same.Same && same._file.ReadByte() < 0;
    }

    /// <summary>True while every byte written so far matched the file.</summary>
    public bool Same { get; private set; } = true;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!Same || buffer.IsEmpty)
        {
            return;
        }

        if (_read.Length < buffer.Length)
        {
            _read = new byte[buffer.Length];
        }

        var read = _file.ReadAtLeast(_read.AsSpan(0, buffer.Length), buffer.Length, throwOnEndOfStream: false);
        Same = read == buffer.Length && buffer.SequenceEqual(_read.AsSpan(0, read));
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
