using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StaticDossier.Rendering;

/// <summary>Makes <c>include</c> return <see cref="RawHtml"/>: a partial's output is template markup,
/// already escaped where it wrote values, so it must not be escaped twice.
/// <para>Where the include is a statement of its own (<c>{{ include "partials/_nav.sbn" }}</c>, how every template here
/// uses it), the partial is rendered as Scriban's include renders it, less the garbage: Scriban gives each include a
/// fresh buffer, grows it, makes it a string and copies that in, which for a head of meta tags on every page and an item
/// partial per article on list pages was a few hundred megabytes to allocate. Here a partial with no indent to add
/// writes straight into the page (as a layout writes its page), and one with an indent renders into a buffer kept per
/// thread. The text written and the state left behind are Scriban's. Anywhere else (an include in a pipe, assigned,
/// given named arguments, or under an output limit) Scriban's own include runs.</para></summary>
internal static class RawIncludes
{
    /// <summary>Replaces <paramref name="context"/>'s include; <paramref name="direct"/> false keeps Scriban's rendering
    /// of every include (the tests hold the two to the same output).</summary>
    public static void Install(TemplateContext context, bool direct = true)
    {
        var original = (IScriptCustomFunction)context.BuiltinObject["include"]!;
        context.BuiltinObject.SetValue("include", new RawResult(original, direct), true);
    }

    private sealed class RawResult(IScriptCustomFunction inner, bool direct) : IScriptCustomFunction
    {
        public int RequiredParameterCount => inner.RequiredParameterCount;

        public int ParameterCount => inner.ParameterCount;

        public ScriptVarParamKind VarParamKind => inner.VarParamKind;

        public Type ReturnType => typeof(RawHtml);

        public ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (direct && WritesStraightOut(context, callerContext, arguments) is var (call, name)
                && context.GetTemplatePathFromName(name, call) is { } path)
            {
                return Render(context, call, context.GetOrCreateTemplate(path, call), arguments);
            }

            return inner.Invoke(context, callerContext, arguments, blockStatement) is { } result ? new RawHtml(result.ToString() ?? string.Empty) : null;
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

        /// <summary>The call and the template's name, when the call's value would only be written out where it stands:
        /// a statement of its own, with a template name and no named arguments, and no limit on the output.</summary>
        private static (ScriptFunctionCall Call, string Name)? WritesStraightOut(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments) =>
            callerContext is ScriptFunctionCall { Parent: ScriptExpressionStatement } call
            && arguments.Count > 0
            && !call.Arguments.Any(a => a is ScriptNamedArgument)
            && context.EnableOutput
            // Scriban restarts its output budget for each include it renders; only without a budget is writing in place the same.
            && (context.OutputLimit ?? context.LimitToString) <= 0
            && context.TemplateLoader is not null
            && context.ObjectToString(arguments[0]) is { Length: > 0 } name
                ? (call, name)
                : null;

        /// <summary>Scriban's <c>TemplateContext.RenderTemplate</c> step for step (recursion limit, no indent inside the
        /// partial, a local scope, <c>$</c> holding the arguments, the line state kept for the caller), except where the
        /// output goes. With an indent to add, the text is returned to be written as Scriban writes an include's.</summary>
        private static RawHtml? Render(TemplateContext context, ScriptFunctionCall call, Template template, ScriptArray arguments)
        {
            var indent = context.CurrentIndent;
            ref var endsLine = ref PreviousTextWasNewLine(context);
            var endedLine = endsLine;
            // Written with an empty indent or none, the partial's text comes out as it is: it can go straight in.
            var page = string.IsNullOrEmpty(indent) ? context.Output as StringBuilderOutput : null;
            var output = page ?? RentOutput();
            var before = output.Builder.Length;
            context.EnterRecursive(call);
            context.CurrentIndent = null;
            if (page is null)
            {
                context.PushOutput(output);
            }

            context.PushLocal();
            try
            {
                context.SetValue(ScriptVariable.Arguments, arguments, asReadOnly: true, force: true);
                if (indent is not null)
                {
                    context.ResetPreviousNewLine();
                }

                TemplateRenderer.Evaluate(template, context);
            }
            finally
            {
                context.PopLocal();
                if (page is null)
                {
                    context.PopOutput();
                }

                context.CurrentIndent = indent;
                endsLine = endedLine;
                context.ExitRecursive(call);
            }

            if (page is not null)
            {
                // What writing the partial's text afterwards would have left: whether the output now ends a line.
                if (page.Builder.Length > before)
                {
                    endsLine = page.Builder[^1] == '\n';
                }

                return null;
            }

            var text = output.Builder.ToString();
            ReturnOutput(output);
            return new RawHtml(text);
        }

        // Whether the output ends a line, which Scriban keeps to indent what follows; private, and saved and restored
        // around an include by its own RenderTemplate. Should a new Scriban rename it, the first include fails loudly.
        [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_previousTextWasNewLine")]
        private static extern ref bool PreviousTextWasNewLine(TemplateContext context);

        // Buffers for partials with an indent, per thread; a partial may include another, so more than one.
        [ThreadStatic]
        private static Stack<StringBuilderOutput>? t_outputs;

        private static StringBuilderOutput RentOutput() => t_outputs is { Count: > 0 } outputs ? outputs.Pop() : new StringBuilderOutput();

        private static void ReturnOutput(StringBuilderOutput output)
        {
            output.Builder.Clear();
            if (output.Builder.Capacity <= 1 << 16)
            {
                (t_outputs ??= new()).Push(output);
            }
        }
    }
}
