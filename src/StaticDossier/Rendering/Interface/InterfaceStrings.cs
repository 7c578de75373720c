using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StaticDossier.Rendering.Interface;

/// <summary>The interface texts as templates see them: <c>{{ t.nav_search }}</c>; <c>{{ plural "articles" n }}</c> for
/// "1 article" / "12 articles"; <c>{{ tr "page_of" n total }}</c> for a text with numbers or names in it;
/// <c>{{ number n }}</c>. Read-only, shared by every page. A key the file lacks stops the page with an error naming it.</summary>
internal sealed class InterfaceStrings : ScriptObject, Incremental.IKeyedValue
{
    private readonly InterfaceText _text;

    private InterfaceStrings(InterfaceText text)
    {
        _text = text;
        foreach (var (key, value) in text.Strings)
        {
            SetValue(key, value, true);
        }

        IsReadOnly = true;
        Format = new TextFunction(text, TextFunction.Kind.Format);
        Plural = new TextFunction(text, TextFunction.Kind.Plural);
    }

    /// <summary>The texts these are.</summary>
    internal InterfaceText Text => _text;

    /// <summary>The <c>tr</c> function of these texts.</summary>
    internal IScriptCustomFunction Format { get; }

    /// <summary>The <c>plural</c> function of these texts.</summary>
    internal IScriptCustomFunction Plural { get; }

    // Which lists of keys these texts have all of, asked once per list (by the templates written in C#).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string[], bool> _has = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether every one of <paramref name="keys"/> is among these texts, and none has a line break (which Scriban
    /// would indent when written on an indented line).</summary>
    internal bool Has(string[] keys) =>
        _has.GetOrAdd(keys, static (k, strings) => k.All(key => strings.TryGetValue(key, out var text) && !text.Contains('\n', StringComparison.Ordinal)), _text.Strings);

    /// <summary>The texts come from the translation file under templates/, which an incremental build watches.</summary>
    public string Identity => "t " + _text.DisplayPath;

    /// <summary>The <c>t</c> object and the functions, as variables for a page's model.</summary>
    public static IReadOnlyDictionary<string, object> Variables(InterfaceText text)
    {
        var strings = new InterfaceStrings(text);
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["t"] = strings,
            ["plural"] = strings.Plural,
            ["tr"] = strings.Format,
            ["number"] = new TextFunction(text, TextFunction.Kind.Number),
        };
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (base.TryGetValue(context, span, member, out value))
        {
            return true;
        }

        throw new ScriptRuntimeException(span, $"The interface text '{member}' is missing from {_text.DisplayPath}.");
    }

    /// <summary>The three functions, written out rather than imported from delegates: no reflection, so the native
    /// (AOT) build calls them as the JIT build does.</summary>
    private sealed class TextFunction(InterfaceText text, TextFunction.Kind kind) : IScriptCustomFunction, Incremental.IKeyedValue
    {
        public enum Kind
        {
            Plural,
            Format,
            Number,
        }

        /// <summary>The texts come from the translation file under templates/, which an incremental build watches.</summary>
        public string Identity => $"{kind} {text.DisplayPath}";

        public int RequiredParameterCount => kind == Kind.Number ? 1 : kind == Kind.Plural ? 2 : 1;

        public int ParameterCount => kind == Kind.Format ? 4 : RequiredParameterCount;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

        public Type ReturnType => typeof(string);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value" + index.ToString(CultureInfo.InvariantCulture));

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var span = callerContext?.Span ?? context.CurrentSpan;
            var name = kind.ToString().ToLowerInvariant();
            if (arguments.Count < RequiredParameterCount || arguments.Count > ParameterCount)
            {
                throw new ScriptRuntimeException(span, $"'{(kind == Kind.Format ? "tr" : name)}' takes {RequiredParameterCount} to {ParameterCount} values, not {arguments.Count}.");
            }

            switch (kind)
            {
                case Kind.Number:
                    return text.Number(Whole(context, span, arguments[0]));
                case Kind.Plural:
                    var key = Key(context, span, arguments[0]);
                    Check(span, key + "_one");
                    Check(span, key + "_other");
                    return text.Count(key, Whole(context, span, arguments[1]));
                default:
                    var format = Key(context, span, arguments[0]);
                    Check(span, format);
                    return text.Format(format, [.. arguments.Skip(1).Select(a => a is int or long ? a : (object?)context.ObjectToString(a))]);
            }
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));

        private void Check(SourceSpan span, string key)
        {
            if (!text.Strings.ContainsKey(key))
            {
                throw new ScriptRuntimeException(span, $"The interface text '{key}' is missing from {text.DisplayPath}.");
            }
        }

        private static string Key(TemplateContext context, SourceSpan span, object? value) =>
            context.ObjectToString(value) is { Length: > 0 } key ? key : throw new ScriptRuntimeException(span, "An interface text's key is empty.");

        private static long Whole(TemplateContext context, SourceSpan span, object? value) => value switch
        {
            int i => i,
            long l => l,
            _ when long.TryParse(context.ObjectToString(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => throw new ScriptRuntimeException(span, $"'{context.ObjectToString(value)}' is not a whole number."),
        };
    }
}
