namespace StaticDossier.Cleaning.Rules;

/// <summary>The distinct words of a page's long blocks, indexed by word, so a new block's overlap with every
/// earlier one is counted in one pass over its own words instead of one set comparison per earlier block.</summary>
/// <remarks>Postings are chained through flat lists: a list per distinct word made this rule most of what cleaning a
/// dump allocated. Words are looked up as spans of the blocks' keys; a string is made only for a word new to the page
/// (the dictionary's own string hashing, quicker than a comparer over spans, and it turns to randomised hashing
/// should a page's words collide).</remarks>
internal sealed class LongBlockIndex
{
    private readonly Dictionary<string, int> _wordIds;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordIdsBySpan;
    // Per word id: its newest posting (-1 for none) and the last FirstNearCopy that read it.
    private readonly List<int> _newest = [];
    private readonly List<int> _lastSeen = [];
    // Per posting: the indexed block, and the word's posting before it (-1 ends the chain).
    private readonly List<int> _postingBlock = [];
    private readonly List<int> _postingBefore = [];
    private readonly List<Block> _blocks = [];
    private readonly List<int> _sizes = [];
    private readonly List<int> _pending = [];
    private int[] _shared = [];
    private int _reads;

    public LongBlockIndex()
    {
        _wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        _wordIdsBySpan = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The earliest indexed block sharing four fifths of the union of its words with <paramref name="key"/>'s
    /// (and passing <paramref name="confirm"/>, when given), and remembers <paramref name="key"/>'s words for
    /// <see cref="Add"/>.</summary>
    public Block? FirstNearCopy(string key, Func<Block, bool>? confirm = null)
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
            for (var p = _newest[id]; p >= 0; p = _postingBefore[p])
            {
                _shared[_postingBlock[p]]++;
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
            if (shared >= 0.8 * (size + other - shared) && (confirm is null || confirm(_blocks[j])))
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
            _postingBlock.Add(j);
            _postingBefore.Add(_newest[id]);
            _newest[id] = _postingBlock.Count - 1;
        }
    }

    // The key's distinct word ids into _pending, new words getting new ids.
    private void Distinct(string key)
    {
        _pending.Clear();
        // Its own stamp per read: two reads with no Add between (the first block not indexed) must not share one.
        var stamp = ++_reads;
        foreach (var range in key.AsSpan().Split(' '))
        {
            var word = key.AsSpan(range);
            if (!_wordIdsBySpan.TryGetValue(word, out var id))
            {
                id = _newest.Count;
                _wordIdsBySpan.TryAdd(word, id);
                _newest.Add(-1);
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
