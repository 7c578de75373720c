using System.Globalization;

namespace StaticDossier.Cleaning;

/// <summary>Text dumps: the line model reviews the lines the rules dropped for their shape or place (off the main run,
/// in a run of short lines, a short line) and keeps those it finds likely part of the article: the rules' cuts step
/// back where the evidence of a line and its neighbourhood says so (a recipe's ingredients, a FAQ's next question).
/// It reads the rules' verdicts among its features, so it learns where each rule errs rather than replacing them. It
/// never drops a line, and never touches headlines, dates, bylines, captions or known boilerplate: those are metadata
/// or noise by the dossier's own convention, whatever an evaluation set's gold holds.</summary>
internal static class LineModelReview
{
    public static void Apply(List<Block> blocks, string language, LineModel model, CleaningThresholds t)
    {
        // Every line is scored on the rules' decisions alone, then the changes are made: one line kept never moves
        // its neighbours' scores.
        var rows = LineFeatures.Compute(blocks, language, Reviewed);
        var width = LineFeatures.Names.Length;
        var keep = new List<(Block Block, double P)>();
        foreach (var b in blocks)
        {
            if (Reviewed(b) && model.ProbabilityAtLeast(rows.AsSpan(b.Index * width, width), t.LineModelKeep) is { } p)
            {
                keep.Add((b, p));
            }
        }

        foreach (var (b, p) in keep)
        {
            b.Decide(true, BlockRole.Body, $"the line model gives it {p.ToString("0.00", CultureInfo.InvariantCulture)} " +
                $"(dropped by '{b.Rule.Name()}': {b.Reason})", RuleId.LineModel, overrule: true);
        }
    }

    private static bool Reviewed(Block b) => b.Kept == false && b.Rule.JudgesByShape();
}
