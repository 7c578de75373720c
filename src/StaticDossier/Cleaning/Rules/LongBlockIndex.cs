namespace StaticDossier.Cleaning.Rules;

/// <summary>The distinct words of a page's long blocks, indexed by word, so a new block's overlap with every
/// earlier one is counted in one pass over its own words instead of one set comparison per earlier block.</summary>
internal sealed class LongBlockIndex
{
    private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
    private readonly List<List<int>> _postings = [];
    private readonly List<int> _lastSeen = [];
    private readonly List<Block> _blocks = [];
    private readonly List<int> _sizes = [];
    private readonly List<int> _pending = [];
    private int[] _shared = [];

    /// <summary>The earliest indexed block sharing four fifths of the union of its words with <paramref name="key"/>'s,
    /// and remembers <paramref name="key"/>'s words for <see cref="Add"/>.</summary>
    public Block? FirstNearCopy(string key)
    {
        Distinct(key);
        var count = _blocks.Count;
        if (_shared.Length < count)
        {
            _shared = new int[Math.Max(count, _shared.Length * 2)];
        }

        Array.Clear(_shared, 0, count);
        foreach (var id in _pending)
        {
            foreach (var j in _postings[id])
            {
                _shared[j]++;
            }
        }

        var size = _pending.Count;
        for (var j = 0; j < count; j++)
        {
            var other = _sizes[j];
            // Sets whose sizes differ by more than a fifth cannot share four fifths of their union.
            if (other < 0.8 * size || size < 0.8 * other)
            {
                continue;
            }

            var shared = _shared[j];
            if (shared >= 0.8 * (size + other - shared))
            {
                return _blocks[j];
            }
        }

        return null;
    }

    /// <summary>Indexes <paramref name="block"/> under the words the last <see cref="FirstNearCopy"/> read.</summary>
    public void Add(Block block)
    {
        var j = _blocks.Count;
        _blocks.Add(block);
        _sizes.Add(_pending.Count);
        foreach (var id in _pending)
        {
            _postings[id].Add(j);
        }
    }

    // The key's distinct word ids into _pending, new words getting new ids.
    private void Distinct(string key)
    {
        _pending.Clear();
        var stamp = _blocks.Count + 1;
        var lookup = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in key.AsSpan().Split(' '))
        {
            var word = key.AsSpan(range);
            if (!lookup.TryGetValue(word, out var id))
            {
                id = _postings.Count;
                lookup[word] = id;
                _postings.Add([]);
                _lastSeen.Add(0);
            }

            if (_lastSeen[id] != stamp)
            {
                _lastSeen[id] = stamp;
                _pending.Add(id);
            }
        }
    }
}
