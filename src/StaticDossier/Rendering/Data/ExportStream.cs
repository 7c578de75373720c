using System.Buffers;

namespace StaticDossier.Rendering.Data;

/// <summary>Where a large data file (the metadata export, the sitemap) is written before it becomes an output: in pooled
/// 64 KB pieces, then copied once into an array of exactly its length. A memory stream grows by doubling and is copied
/// out again: at 100,000 articles <c>dossier.json</c> (~100 MB) left some 300 MB of dead arrays on the large-object heap,
/// which only a full collection frees.</summary>
internal sealed class ExportStream : Stream
{
    // Under the large-object threshold, and what the shared pool keeps.
    private const int PieceBytes = 1 << 16;
    private readonly List<byte[]> _pieces = [];
    private int _used = PieceBytes;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_used == PieceBytes)
            {
                _pieces.Add(ArrayPool<byte>.Shared.Rent(PieceBytes));
                _used = 0;
            }

            var take = Math.Min(buffer.Length, PieceBytes - _used);
            buffer[..take].CopyTo(_pieces[^1].AsSpan(_used));
            _used += take;
            _length += take;
            buffer = buffer[take..];
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Everything written, in one array of its length; the pieces go back to the pool.</summary>
    public byte[] ToArray()
    {
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)_length));
        var at = 0;
        for (var i = 0; i < _pieces.Count; i++)
        {
            var count = i == _pieces.Count - 1 ? _used : PieceBytes;
            _pieces[i].AsSpan(0, count).CopyTo(bytes.AsSpan(at));
            at += count;
        }

        Release();
        return bytes;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Release();
        base.Dispose(disposing);
    }

    private void Release()
    {
        foreach (var piece in _pieces)
        {
            ArrayPool<byte>.Shared.Return(piece);
        }

        _pieces.Clear();
        _used = PieceBytes;
        _length = 0;
    }
}
