using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StaticDossier.Rendering;

/// <summary><c>{{ include_cached "partials/_article_item.sbn" a root }}</c>: a partial rendered once per build for each
/// set of values passed, then reused (Hugo's <c>partialCached</c>). A tag's page and a person's page list the same
/// article with the same item; rendering it once instead of on every list is most of what list pages cost. Text and
/// numbers are recognised by value, articles and links by the object itself (the model passes one link per article to
/// every list; an equal copy may render again, to the same text).
/// <para>So that reuse can never show one page's text on another, the partial sees only what it is given: each
/// argument is a variable, passed under its own name, and nothing else of the calling page is visible (a variable the
/// partial reads but was not given is an error naming it). Only values compared by value may be passed (text, numbers,
/// dates, articles, links), never lists or template objects, which a page could change between two calls.</para></summary>
internal sealed class CachedIncludes : IScriptCustomFunction
{
    private readonly Func<TemplateContext> _newContext;

    // Where the shipped item partial is, when the dossier's is exactly it: DefaultItem writes it without Scriban.
    private readonly Lazy<string?> _shippedItem;
    // Kept as UTF-8: at 100,000 articles some 200,000 items, half the bytes of their strings.
    private readonly ConcurrentDictionary<Key, Utf8Html> _rendered = new();

    // Contexts not in use (a bag takes from the calling thread's own first); a partial may itself use include_cached.
    private readonly ConcurrentBag<TemplateContext> _contexts = [];
    private int _renders;

    private CachedIncludes(Func<TemplateContext> newContext, Func<string?> shippedItem)
    {
        _newContext = newContext;
        _shippedItem = new(shippedItem);
    }

    /// <summary>Adds <c>include_cached</c> to <paramref name="context"/>'s built-ins and returns it; the partials render in
    /// contexts from <paramref name="newContext"/> (set up as a page's), and the cache lives as long as those built-ins
    /// or until <see cref="Forget"/>.</summary>
    public static CachedIncludes Install(TemplateContext context, Func<TemplateContext> newContext, Func<string?>? shippedItem = null)
    {
        var cached = new CachedIncludes(newContext, shippedItem ?? (static () => null));
        context.BuiltinObject.SetValue("include_cached", cached, true);
        return cached;
    }

    /// <summary>Lets go of every partial rendered so far (a later call renders it again). Each thread keeps its last
    /// context, and through its built-ins this cache, for as long as the thread lives; the keys hold the articles
    /// passed in, and with them the model.</summary>
    public void Forget() => _rendered.Clear();

    /// <summary>How many times a partial was actually rendered (the rest came from the cache).</summary>
    internal int Renders => _renders;

    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(Utf8Html);

    public ScriptParameterInfo GetParameterInfo(int index) =>
        index == 0 ? new ScriptParameterInfo(typeof(string), "template_name") : new ScriptParameterInfo(typeof(object), "value");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var call = callerContext as ScriptFunctionCall
            ?? throw new ScriptRuntimeException(context.CurrentSpan, "include_cached must be called with the partial's name and the variables it uses.");
        if (arguments.Count == 0 || context.ObjectToString(arguments[0]) is not { Length: > 0 } name)
        {
            throw new ScriptRuntimeException(call.Span, "include_cached needs the name of the partial to include.");
        }

        var names = Names(call, arguments.Count);
        // The values are looked up in a key kept per thread; a key of their own is made only for a partial not yet rendered.
        var probe = t_probe ??= new Key();
        var values = probe.Values(names.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (!ComparedByValue(arguments[i + 1]))
            {
                throw new ScriptRuntimeException(call.Arguments[i + 1].Span,
                    $"include_cached cannot pass '{names[i]}': only text, numbers, dates, articles and links can be passed, not lists or objects a page could change.");
            }

            values[i] = arguments[i + 1];
        }

        var path = context.GetTemplatePathFromName(name, call)
            ?? throw new ScriptRuntimeException(call.Span, $"include_cached cannot find the partial '{name}'.");

        // The partial's reads belong to every page that includes it, from the cache or not.
        var reads = (context as EscapingTemplateContext)?.Reads is { } pageReads ? pageReads.Partial(path) : null;
        if (reads is not null)
        {
            ((EscapingTemplateContext)context).Reads!.Include(reads);
        }

        probe.Set(path, names);
        var found = _rendered.TryGetValue(probe, out var html);
        var key = found ? null : probe.Copy();
        probe.Clear(); // holds no article past the call
        if (found)
        {
            return html!;
        }

        if (reads is null && path == _shippedItem.Value && DefaultItem.TryWrite(names, arguments) is { } written)
        {
            Interlocked.Increment(ref _renders);
            return _rendered.GetOrAdd(key!, written);
        }

        var template = context.GetOrCreateTemplate(path, call);
        // Two threads may render the same partial at once; they make the same text, and either is kept.
        return _rendered.GetOrAdd(key!, Render(context, template, names, arguments, reads));
    }

    [ThreadStatic]
    private static Key? t_probe;

    /// <summary>What <c>{{ include_cached "partials/_article_item.sbn" a root undated_label approx_label }}</c> gives for
    /// these values while the item partial is the shipped one, from the cache or written by <see cref="DefaultItem"/> (and
    /// then cached, and counted as a render); null when the partial is not the shipped one or DefaultItem does not write
    /// these values (Scriban then renders the whole page).</summary>
    internal Utf8Html? ShippedItem(object article, string root, string? undated, string? approx)
    {
        if (_shippedItem.Value is not { } path || !ComparedByValue(article))
        {
            return null;
        }

        var probe = t_probe ??= new Key();
        var values = probe.Values(DefaultItem.Names.Length);
        (values[0], values[1], values[2], values[3]) = (article, root, undated, approx);
        probe.Set(path, DefaultItem.Names);
        var found = _rendered.TryGetValue(probe, out var html);
        var key = found ? null : probe.Copy();
        probe.Clear(); // holds no article past the call
        if (found)
        {
            return html!;
        }

        if (DefaultItem.Write(article, root, undated, approx) is not { } written)
        {
            return null;
        }

        Interlocked.Increment(ref _renders);
        return _rendered.GetOrAdd(key!, written);
    }

    // The names each call in a template passes, worked out once per call (a list page makes the same call for every item).
    private static readonly ConditionalWeakTable<ScriptFunctionCall, string[]> CallNames = new();

    /// <summary>The names the call passes its values under: each argument must be a plain variable.</summary>
    private static string[] Names(ScriptFunctionCall call, int count)
    {
        if (CallNames.TryGetValue(call, out var known) && known.Length == count - 1)
        {
            return known;
        }

        var names = NamesOf(call, count);
        CallNames.AddOrUpdate(call, names);
        return names;
    }

    private static string[] NamesOf(ScriptFunctionCall call, int count)
    {
        var names = new string[count - 1];
        for (var i = 1; i < count; i++)
        {
            var argument = i < call.Arguments.Count ? call.Arguments[i] : null;
            names[i - 1] = argument is ScriptVariableGlobal variable ? variable.Name
                : throw new ScriptRuntimeException(argument?.Span ?? call.Span,
                    "include_cached passes variables by name: give it a plain variable (assign the value to one first).");
        }

        return names;
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

    /// <summary>The partial in a context of its own, which holds only the arguments (and <c>$</c>, as an include has).</summary>
    private Utf8Html Render(TemplateContext caller, Template template, string[] names, ScriptArray arguments, Incremental.ReadSchema? reads)
    {
        Interlocked.Increment(ref _renders);
        var context = _contexts.TryTake(out var free) ? free : _newContext();
        if (context is EscapingTemplateContext escaping)
        {
            escaping.Reads = reads;
        }

        foreach (var (path, parsed) in caller.CachedTemplates)
        {
            context.CachedTemplates.TryAdd(path, parsed);
        }

        var given = new ScriptObject();
        for (var i = 0; i < names.Length; i++)
        {
            given.SetValue(names[i], arguments[i + 1], true);
        }

        // The context's own buffer (every context kept here is used by one call at a time); encoded from it, not made a string.
        var output = Outputs.GetValue(context, static _ => new StringBuilderOutput());
        output.Builder.Clear();
        context.PushGlobal(given);
        context.PushOutput(output);
        context.PushLocal();
        try
        {
            context.SetValue(ScriptVariable.Arguments, arguments, asReadOnly: true, force: true);
            TemplateRenderer.Evaluate(template, context);
        }
        finally
        {
            context.PopLocal();
            context.PopOutput();
            context.PopGlobal();
        }

        // Handed back only after a render that completed: a failure may leave the context in any state.
        context.Reset();
        var html = Utf8Html.FromUtf8(IO.Utf8Text.Encode(output.Builder));
        output.Builder.Clear();
        if (output.Builder.Capacity > 1 << 16)
        {
            output.Builder.Capacity = 1 << 12; // one huge partial must not pin its buffer
        }

        _contexts.Add(context);
        return html;
    }

    private static readonly ConditionalWeakTable<TemplateContext, StringBuilderOutput> Outputs = new();

    /// <summary>Values whose equality is their content and which a template cannot change: text, numbers, dates, and
    /// the generator's immutable records (articles, links, terms). Lists and Scriban objects are neither.</summary>
    private static bool ComparedByValue(object? value) => value is null or string || ByValue.GetOrAdd(value.GetType(), static type =>
        type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
        || (!typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && !typeof(IScriptObject).IsAssignableFrom(type) && IsRecord(type)));

    // The compiler gives every record a protected EqualityContract: equality by the values of its members.
    private static bool IsRecord(Type type) =>
        type.Namespace?.StartsWith(nameof(StaticDossier), StringComparison.Ordinal) == true
        && type.GetProperty("EqualityContract", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic) is not null;

    private static readonly ConcurrentDictionary<Type, bool> ByValue = new();

    /// <summary>A partial and the values it was given. A thread's probe is refilled for every call; the keys kept are copies.</summary>
    private sealed class Key : IEquatable<Key>
    {
        private string _path = string.Empty;
        private string[] _names = [];
        private object?[] _values = [];
        private int _hash;

        /// <summary>The probe's values array for <paramref name="count"/> values, to fill before <see cref="Set"/>.</summary>
        public object?[] Values(int count)
        {
            if (_values.Length != count)
            {
                _values = new object?[count];
            }

            return _values;
        }

        public void Set(string path, string[] names)
        {
            _path = path;
            _names = names;
            _hash = Hash(path, names, _values);
        }

        public Key Copy() => new() { _path = _path, _names = _names, _values = [.. _values], _hash = _hash };

        public void Clear() => Array.Clear(_values);

        public bool Equals(Key? other) =>
            other is not null && _hash == other._hash && _path == other._path
            && _names.AsSpan().SequenceEqual(other._names) && _values.SequenceEqual(other._values);

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => _hash;

        private static int Hash(string path, string[] names, object?[] values)
        {
            var hash = new HashCode();
            hash.Add(path, StringComparer.Ordinal);
            foreach (var name in names)
            {
                hash.Add(name, StringComparer.Ordinal);
            }

            foreach (var value in values)
            {
                // A record is hashed by identity: hashing all its members (an article's seven strings) on every call cost
                // more than the lookup saved. Equality stays by value, so an equal copy merely renders once more.
                hash.Add(value is null or string || value.GetType().IsValueType ? value?.GetHashCode() ?? 0 : RuntimeHelpers.GetHashCode(value));
            }

            return hash.ToHashCode();
        }
    }
}
