using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Hashing;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Scriban.Runtime;

namespace StaticDossier.Rendering.Incremental;

/// <summary>A page's key: a 128-bit hash of its template's name and of every value its model holds under the members
/// its kind of page has read (<see cref="ReadSchema.Snapshot"/>). Equal keys in two builds mean the template read the
/// same values, so it wrote the same bytes. Member names are hashed with their values, so keys taken with different
/// schemas never match. An object met again (the navigation's taxonomies, a link on many lists) is hashed once per build;
/// a model record (immutable) kept from an earlier build, as the model memo keeps unchanged articles, once per schema.</summary>
/// <param name="schema">The members to hash.</param>
/// <param name="kept">Hashes of model records under this very schema from earlier builds, or null.</param>
internal sealed class ModelHasher(ReadSchema.Snapshot schema, ConditionalWeakTable<object, StrongBox<UInt128>>? kept = null)
{
    private const int MaxDepth = 64;
    private static readonly ConcurrentDictionary<Type, Dictionary<string, Func<object, object?>>> Getters = new();
    private static readonly ConcurrentDictionary<Type, bool> Records = new();

    // One hasher per nesting depth per thread: a hasher holds a few hundred bytes of state, and a page's key hashes
    // dozens of objects.
    [ThreadStatic]
    private static List<XxHash128>? _pool;

    private readonly ConcurrentDictionary<object, UInt128> _objects = new(ReferenceEqualityComparer.Instance);

    /// <summary>The key of a page rendered from <paramref name="template"/> with <paramref name="model"/>; null when the
    /// model holds something that cannot be hashed (the page is then always rendered).</summary>
    public UInt128? Key(string template, ScriptObject model)
    {
        var hash = Hasher(0);
        try
        {
            AddString(hash, template);
            AddValue(hash, model, 0);
            return hash.GetCurrentHashAsUInt128();
        }
        catch (UnhashableException)
        {
            return null;
        }
    }

    private static XxHash128 Hasher(int depth)
    {
        var pool = _pool ??= [];
        while (pool.Count <= depth)
        {
            pool.Add(new XxHash128());
        }

        var hash = pool[depth];
        hash.Reset();
        return hash;
    }

    private void AddValue(XxHash128 hash, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new UnhashableException();
        }

        switch (value)
        {
            case null:
                AddTag(hash, 0);
                return;
            case string text:
                AddTag(hash, 1);
                AddString(hash, text);
                return;
            case RawHtml html:
                AddTag(hash, 2);
                AddString(hash, html.Value);
                return;
            case Utf8Html utf8:
                AddTag(hash, 6);
                AddTag(hash, utf8.Bytes.Length);
                hash.Append(utf8.Bytes);
                return;
            case Enum or IConvertible:
                AddTag(hash, 3);
                AddString(hash, value.GetType().FullName!);
                AddString(hash, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                return;
            case IKeyedValue keyed:
                AddTag(hash, 5);
                AddString(hash, keyed.Identity);
                return;
            case Delegate or IScriptCustomFunction:
                throw new UnhashableException();
        }

        AddTag(hash, 4);
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(bytes, _objects.TryGetValue(value, out var known) ? known
            : kept is not null && kept.TryGetValue(value, out var earlier) ? earlier.Value
            : Hash(value, depth));
        hash.Append(bytes);
    }

    private UInt128 Hash(object value, int depth)
    {
        var hash = Hasher(depth + 1);
        var type = value.GetType();
        AddString(hash, type.FullName ?? type.Name);
        switch (value)
        {
            case ScriptArray array:
                foreach (var item in array)
                {
                    AddValue(hash, item, depth + 1);
                }

                AddTag(hash, array.Count);
                break;
            case IScriptObject script:
                foreach (var name in script.GetMembers())
                {
                    AddString(hash, name);
                    script.TryGetValue(null!, default, name, out var member);
                    AddValue(hash, member, depth + 1);
                }

                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    AddValue(hash, entry.Key, depth + 1);
                    AddValue(hash, entry.Value, depth + 1);
                }

                break;
            case IEnumerable items:
                var count = 0;
                foreach (var item in items)
                {
                    AddValue(hash, item, depth + 1);
                    count++;
                }

                AddTag(hash, count);
                break;
            default:
                var getters = GettersOf(type);
                IEnumerable<string> members = schema.Whole.Contains(type) ? getters.Keys.Order(StringComparer.Ordinal)
                    : schema.Members.TryGetValue(type, out var read) ? read : [];
                foreach (var name in members)
                {
                    AddString(hash, name);
                    AddValue(hash, getters.TryGetValue(name, out var get) ? get(value) : null, depth + 1);
                }

                break;
        }

        var result = hash.GetCurrentHashAsUInt128();
        if (kept is not null && IsRecord(type))
        {
            kept.AddOrUpdate(value, new StrongBox<UInt128>(result));
        }
        else
        {
            _objects.TryAdd(value, result);
        }

        return result;
    }

    /// <summary>True for a record of this assembly (the model's views and links): immutable once made, so its hash under
    /// one schema holds in every build that still has it.</summary>
    private static bool IsRecord(Type type) => Records.GetOrAdd(type, static t =>
        t.Assembly == typeof(ModelHasher).Assembly && t.GetMethod("<Clone>$") is not null);

    /// <summary>The members templates see on <paramref name="type"/>, under the names they see (snake_case), as
    /// Scriban's typed accessor lists them: public instance properties and fields.</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The model types are kept whole for Scriban's own reflection.")]
    private static Dictionary<string, Func<object, object?>> GettersOf(Type type) => Getters.GetOrAdd(type, static t =>
    {
        var getters = new Dictionary<string, Func<object, object?>>(StringComparer.Ordinal);
        foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetMethod is { IsPublic: true })
            {
                getters.TryAdd(StandardMemberRenamer.Rename(property.Name), property.GetValue);
            }
        }

        foreach (var field in t.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            getters.TryAdd(StandardMemberRenamer.Rename(field.Name), field.GetValue);
        }

        return getters;
    });

    private static void AddTag(XxHash128 hash, int tag)
    {
        Span<byte> bytes = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, tag);
        hash.Append(bytes);
    }

    private static void AddString(XxHash128 hash, string text)
    {
        AddTag(hash, text.Length);
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private sealed class UnhashableException : Exception;
}
