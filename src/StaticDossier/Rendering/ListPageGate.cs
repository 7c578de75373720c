using Scriban.Runtime;
using StaticDossier.Rendering.Interface;

namespace StaticDossier.Rendering;

/// <summary>What the shipped term and archive templates read besides their own list: the pager, the interface texts
/// and their functions, the root, the undated and approximate labels. <see cref="Read"/> is the half of their gate the
/// two share: it answers only for a model of the generator's own types and values, so that writing the page in C#
/// gives Scriban's bytes; anything else (a missing text, a shadowing name, a user's value) takes Scriban.</summary>
internal sealed record ListPageGate(Pager? Pager, InterfaceStrings Strings, string Root, string? Undated, string? Approx)
{
    public static ListPageGate? Read(ScriptObject model, string[] shadowing, string[] keys)
    {
        foreach (var name in shadowing)
        {
            if (model.ContainsKey(name))
            {
                return null;
            }
        }

        if (!model.TryGetValue("pager", out var pagerValue) || pagerValue is not (null or Rendering.Pager)
            || !model.TryGetValue("t", out var t) || t is not InterfaceStrings strings
            || !model.TryGetValue("tr", out var tr) || !ReferenceEquals(tr, strings.Format)
            || !model.TryGetValue("plural", out var plural) || !ReferenceEquals(plural, strings.Plural)
            || !model.TryGetValue("root", out var r) || r is not string root
            || !model.TryGetValue("undated_label", out var undated) || undated is not (null or string)
            || !model.TryGetValue("approx_label", out var approx) || approx is not (null or string)
            || !model.TryGetValue("page_title", out _) || !model.CanWrite("page_title")
            || !strings.Has(keys))
        {
            return null;
        }

        return new ListPageGate((Rendering.Pager?)pagerValue, strings, root, (string?)undated, (string?)approx);
    }
}
