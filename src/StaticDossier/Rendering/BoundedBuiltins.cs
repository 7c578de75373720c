using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StaticDossier.Rendering;

/// <summary>Scriban built-ins whose one call can make a string of gigabytes from a few characters of template
/// (<c>"x" | string.pad_left 500000000</c> took a gigabyte before <see cref="EscapingTemplateContext"/> saw the value),
/// wrapped so the size they would make is checked against <see cref="EscapingTemplateContext.MaxStringLength"/>
/// before they run. Every other built-in's result is bounded by its inputs, which are bounded already.</summary>
internal static class BoundedBuiltins
{
    private const int Max = EscapingTemplateContext.MaxStringLength;

    /// <summary>Wraps the unbounded built-ins of <paramref name="builtins"/> (before it is made read-only).</summary>
    public static void Install(ScriptObject builtins)
    {
        Wrap(builtins, "string", "pad_left", (context, args) => Width(context, args, 1));
        Wrap(builtins, "string", "pad_right", (context, args) => Width(context, args, 1));
        Wrap(builtins, "string", "replace", ReplacedLength);
        Wrap(builtins, "array", "join", JoinedLength);
        Wrap(builtins, "object", "format", (context, args) => FormatWidth(context, args, 1));
        Wrap(builtins, "math", "format", (context, args) => FormatWidth(context, args, 1));
    }

    private static void Wrap(ScriptObject builtins, string module, string name, Func<TemplateContext, ScriptArray, long> size)
    {
        if (builtins[module] is ScriptObject functions && functions[name] is IScriptCustomFunction inner)
        {
            functions.SetValue(name, new Checked(inner, $"{module}.{name}", size), true);
        }
    }

    private static long Width(TemplateContext context, ScriptArray args, int index) =>
        args.Count > index ? context.ToInt(default, args[index]) : 0;

    private static long ReplacedLength(TemplateContext context, ScriptArray args)
    {
        if (args.Count < 3 || context.ObjectToString(args[0]) is not { } text || context.ObjectToString(args[1]) is not { Length: > 0 } match)
        {
            return 0;
        }

        var replacement = context.ObjectToString(args[2]) ?? string.Empty;
        long count = 0;
        for (var at = text.IndexOf(match, StringComparison.Ordinal); at >= 0; at = text.IndexOf(match, at + match.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return text.Length + (count * (replacement.Length - match.Length));
    }

    private static long JoinedLength(TemplateContext context, ScriptArray args)
    {
        if (args.Count < 1 || args[0] is not System.Collections.IEnumerable items || args[0] is string)
        {
            return 0;
        }

        var separator = args.Count > 1 ? (context.ObjectToString(args[1])?.Length ?? 0) : 0;
        long total = 0;
        foreach (var item in items)
        {
            total += (context.ObjectToString(item)?.Length ?? 0) + separator;
            if (total > Max)
            {
                break; // enough to refuse; a range of a billion is not walked to the end
            }
        }

        return total;
    }

    /// <summary>The widest a .NET format string can make one number: "D999999999" pads to that many digits.</summary>
    private static long FormatWidth(TemplateContext context, ScriptArray args, int index)
    {
        if (args.Count <= index || context.ObjectToString(args[index]) is not { } format)
        {
            return 0;
        }

        long widest = format.Length;
        var digits = 0L;
        foreach (var c in format)
        {
            digits = char.IsAsciiDigit(c) ? Math.Min((digits * 10) + (c - '0'), long.MaxValue / 20) : 0;
            widest = Math.Max(widest, digits);
        }

        return widest;
    }

    private sealed class Checked(IScriptCustomFunction inner, string name, Func<TemplateContext, ScriptArray, long> size) : IScriptCustomFunction
    {
        public int RequiredParameterCount => inner.RequiredParameterCount;

        public int ParameterCount => inner.ParameterCount;

        public ScriptVarParamKind VarParamKind => inner.VarParamKind;

        public Type ReturnType => inner.ReturnType;

        public ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var length = size(context, arguments);
            if (length > Max)
            {
                throw new ScriptRuntimeException(callerContext?.Span ?? default,
                    $"{name} would make a value of {length.ToString("N0", CultureInfo.InvariantCulture)} characters; a template may make at most {Max.ToString("N0", CultureInfo.InvariantCulture)}.");
            }

            return inner.Invoke(context, callerContext, arguments, blockStatement);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}
