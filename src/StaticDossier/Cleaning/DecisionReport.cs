using System.Globalization;
using System.Text;

namespace StaticDossier.Cleaning;

/// <summary>Formats cleaning decisions for people: <c>dossier explain</c> and the removal audit sidecar.</summary>
public static class DecisionReport
{
    /// <summary>One line per block: line number, kept/removed, role, rule and reason, then the text (shortened).</summary>
    public static string Explain(CleanedDocument doc, int width = 100)
    {
        var sb = new StringBuilder();
        var m = doc.Metadata;
        sb.Append(CultureInfo.InvariantCulture, $"seed:     {doc.Seed.Path}\n");
        sb.Append(CultureInfo.InvariantCulture, $"title:    {doc.Title}\n");
        sb.Append(CultureInfo.InvariantCulture, $"date:     {m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(not stated)"}\n");
        if (m.Date is null && m.DateApprox is { } approx)
        {
            sb.Append(CultureInfo.InvariantCulture, $"date_approx: {approx.Value} (inferred from the text; never shown as exact)\n");
            foreach (var clue in approx.Evidence)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  evidence: {clue}\n");
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"language: {m.Language}\n");
        sb.Append(CultureInfo.InvariantCulture, $"source:   {m.Source ?? "(not stated)"}\n");
        sb.Append(CultureInfo.InvariantCulture, $"byline:   {m.Byline ?? "(not stated)"}\n");
        sb.Append(CultureInfo.InvariantCulture, $"blocks:   {doc.Decisions.Count} ({doc.Decisions.Count - doc.RemovedCount} kept, {doc.RemovedCount} removed)\n\n");
        if (doc.RepairsOff is { } off)
        {
            sb.Append(CultureInfo.InvariantCulture, $"repairs:  none ({off})\n\n");
        }
        else if (doc.Repairs.Count > 0 || doc.Suspects.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"repairs:  {doc.Repairs.Count} (front matter 'repairs'; the blocks below show the text as printed)\n");
            foreach (var r in doc.Repairs)
            {
                var now = r.Rule == Repairing.RepairRules.TitleFromLede ? "(taken out: it is the title)" : $"'{r.Replacement}'";
                sb.Append(CultureInfo.InvariantCulture, $"  repaired {r.Line}:{r.Column} '{r.Original}' → {now} [{r.Rule}]\n");
            }

            foreach (var w in doc.Suspects)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  flagged  {w.Line}:{w.Column} '{w.Word}' (maybe '{w.Split}'; left as printed)\n");
            }

            sb.Append('\n');
        }

        foreach (var note in doc.Notes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"note:     {note}\n");
        }

        if (doc.Notes.Count > 0)
        {
            sb.Append('\n');
        }

        foreach (var d in doc.Decisions)
        {
            var text = d.Text.Length > width ? d.Text[..width] + "…" : d.Text;
            sb.Append(CultureInfo.InvariantCulture, $"{d.Line,5} {(d.Kept ? "KEEP" : "DROP")} {d.Role,-9} [{d.Rule}] {d.Reason}\n      {text}\n");
        }

        return sb.ToString();
    }
}
