using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace StaticDossier.Rendering.Incremental;

/// <summary>Which members of which types the templates of one kind of page (or one cached partial) have read, over every
/// render since the templates last changed, and which partials it included. A page's inputs are the values its model
/// holds under these members (see <see cref="ModelHasher"/>): a member no render ever read cannot change the page.
/// <para>Kept per kind of page, not per type alone: the home page counts every term's articles, and with one schema for
/// all, every page's key would hold every term's article list through the navigation's <c>taxonomies</c>.</para></summary>
internal sealed class ReadSchema(RenderMemo owner)
{
    private readonly ConcurrentDictionary<Type, ConcurrentDictionary<string, byte>> _members = new();
    private readonly ConcurrentDictionary<Type, byte> _whole = new();
    private readonly ConcurrentDictionary<ReadSchema, byte> _includes = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Type, RecordingAccessor> _accessors = new();
    private int _version;

    /// <summary>Grows with every member, type or partial recorded here or in an included partial: a snapshot taken at
    /// one version covers every read recorded before it.</summary>
    public int Version()
    {
        var total = 0;
        Visit(schema => total += Volatile.Read(ref schema._version));
        return total;
    }

    /// <summary>The schema of the cached partial at <paramref name="path"/>, of the same memo.</summary>
    public ReadSchema Partial(string path) => owner.Schema("partial " + path);

    /// <summary>Records that <paramref name="member"/> of a <paramref name="type"/> was read.</summary>
    public void Read(Type type, string member)
    {
        var members = _members.GetOrAdd(type, static _ => new(StringComparer.Ordinal));
        if (members.TryAdd(member, 0))
        {
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Records that a value of <paramref name="type"/> was used whole (written out, listed or indexed).</summary>
    public void ReadWhole(Type type)
    {
        if (_whole.TryAdd(type, 0))
        {
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Records that this page's templates included a cached partial, whose reads are then its own too.</summary>
    public void Include(ReadSchema partial)
    {
        if (!ReferenceEquals(partial, this) && _includes.TryAdd(partial, 0))
        {
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>The accessor of <paramref name="inner"/> that records each read here.</summary>
    public IObjectAccessor Wrap(Type type, IObjectAccessor inner) => _accessors.GetOrAdd(type, t => new RecordingAccessor(this, t, inner));

    /// <summary>Whether any render so far (this schema's or an included partial's) read <paramref name="member"/> of a
    /// <paramref name="type"/>, or used a value of it whole. Never read so far means never read in any page's snapshot.</summary>
    public bool Reads(Type type, string member)
    {
        var reads = false;
        Visit(schema => reads |= schema._whole.ContainsKey(type) || (schema._members.TryGetValue(type, out var names) && names.ContainsKey(member)));
        return reads;
    }

    /// <summary>This schema and every partial it includes, transitively: what one page's key must cover.</summary>
    public Snapshot Take()
    {
        var members = new Dictionary<Type, SortedSet<string>>();
        var whole = new HashSet<Type>();
        Visit(schema =>
        {
            foreach (var (type, names) in schema._members)
            {
                if (!members.TryGetValue(type, out var set))
                {
                    members[type] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(names.Keys);
            }

            whole.UnionWith(schema._whole.Keys);
        });
        return new Snapshot(members.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), whole);
    }

    private void Visit(Action<ReadSchema> visit)
    {
        var seen = new HashSet<ReadSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ReadSchema>([this]);
        while (pending.TryPop(out var schema))
        {
            if (seen.Add(schema))
            {
                visit(schema);
                foreach (var partial in schema._includes.Keys)
                {
                    pending.Push(partial);
                }
            }
        }
    }

    /// <summary>The members to hash for each type, fixed for one build's keys.</summary>
    /// <param name="Members">Per type, the member names read (ordinal order).</param>
    /// <param name="Whole">Types used whole: every member is hashed.</param>
    internal sealed record Snapshot(Dictionary<Type, string[]> Members, HashSet<Type> Whole);

    /// <summary>Passes every call to Scriban's own accessor, noting the member read.</summary>
    private sealed class RecordingAccessor(ReadSchema schema, Type type, IObjectAccessor inner) : IObjectAccessor
    {
        public Type? IndexType => inner.IndexType;

        public bool HasIndexer => inner.HasIndexer;

        public int GetMemberCount(TemplateContext context, SourceSpan span, object target)
        {
            schema.ReadWhole(type);
            return inner.GetMemberCount(context, span, target);
        }

        public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target)
        {
            schema.ReadWhole(type);
            return inner.GetMembers(context, span, target);
        }

        public bool HasMember(TemplateContext context, SourceSpan span, object target, string member)
        {
            schema.Read(type, member);
            return inner.HasMember(context, span, target, member);
        }

        public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            schema.Read(type, member);
            return inner.TryGetValue(context, span, target, member, out value);
        }

        public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) =>
            inner.TrySetValue(context, span, target, member, value);

        public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value)
        {
            schema.ReadWhole(type);
            return inner.TryGetItem(context, span, target, index, out value);
        }

        public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) =>
            inner.TrySetItem(context, span, target, index, value);
    }
}
