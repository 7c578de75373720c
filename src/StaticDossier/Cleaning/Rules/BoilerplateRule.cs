using System.Text.RegularExpressions;

namespace StaticDossier.Cleaning.Rules;

/// <summary>Legal and service boilerplate (copyright lines, trademark notices, cookie and privacy notices,
/// comment-policy notes) reads like prose but belongs to the site, not the article.</summary>
internal sealed partial class BoilerplateRule : INoiseRule
{
    public string Name => "boilerplate";

    public void Apply(CleaningContext context)
    {
        foreach (var b in context.Blocks)
        {
            if (!b.IsDecided && b.Words <= 80 && Boilerplate().Match(b.Text) is { Success: true } m)
            {
                b.Decide(false, "noise", $"site boilerplate ('{m.Value}')", Name);
            }
        }
    }

    [GeneratedRegex(@"©|\(c\) \d{4}|\ball rights reserved\b|\bregistered trademarks?\b|\bcookies? (policy|settings)\b|\bprivacy policy\b|\bterms (of (use|service)|and conditions)\b|\bsubscribe to (our|the) newsletter\b|\bbản quyền\b|\bghi rõ nguồn\b", RegexOptions.IgnoreCase)]
    private static partial Regex Boilerplate();
}
