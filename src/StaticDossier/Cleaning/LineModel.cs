using System.Globalization;

namespace StaticDossier.Cleaning;

/// <summary>Gradient-boosted trees over <see cref="LineFeatures"/>: how likely a text dump's line is part of the article.
/// Trained by tests/StaticDossier.Benchmarks/train-line-model.sh on the evaluation sets' development parts; the
/// file is plain text (<c>Cleaning/Resources/text-lines.model</c>), one node per line, so a retraining shows as a diff.
/// Evaluating it is a few comparisons per tree, cheap next to the rules.</summary>
internal sealed class LineModel
{
    private readonly int[] _roots;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly float[] _value;
    private readonly float _base;

    // _reach[t]: the most trees t and after can still add (the sum of their largest leaves), so a line that cannot
    // reach a cut stops being scored early: most lines a review looks at are far below it.
    private readonly double[] _reach;

    private LineModel(float @base, int[] roots, int[] feature, float[] threshold, int[] left, int[] right, float[] value)
    {
        _base = @base;
        _roots = roots;
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _value = value;
        _reach = new double[roots.Length + 1];
        for (var t = roots.Length - 1; t >= 0; t--)
        {
            var end = t + 1 < roots.Length ? roots[t + 1] : feature.Length;
            var most = double.MinValue;
            for (var k = roots[t]; k < end; k++)
            {
                most = feature[k] < 0 ? Math.Max(most, value[k]) : most;
            }

            _reach[t] = _reach[t + 1] + most;
        }
    }

    /// <summary>The model shipped with the dossier (embedded), loaded once.</summary>
    public static LineModel Default => _default.Value;

    private static readonly Lazy<LineModel> _default = new(() =>
    {
        using var stream = typeof(LineModel).Assembly.GetManifestResourceStream("StaticDossier.text-lines.model")
            ?? throw new InvalidOperationException("The text-line model is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "text-lines.model");
    });

    /// <summary>The trees in <paramref name="text"/>: a header <c>trees FEATURES BASE</c>, then per tree <c>tree</c>
    /// and its nodes as <c>FEATURE THRESHOLD LEFT RIGHT VALUE</c> (FEATURE -1 for a leaf; LEFT when value ≤ THRESHOLD).</summary>
    public static LineModel Parse(string text, string name)
    {
        var roots = new List<int>();
        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var value = new List<float>();
        float? @base = null;
        var treeStart = 0;
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            try
            {
                if (parts[0] == "trees")
                {
                    if (int.Parse(parts[1], CultureInfo.InvariantCulture) != LineFeatures.Names.Length)
                    {
                        throw new FormatException($"the model reads {parts[1]} features, the code computes {LineFeatures.Names.Length}");
                    }

                    @base = F(parts[2]);
                }
                else if (parts[0] == "tree")
                {
                    treeStart = feature.Count;
                    roots.Add(treeStart);
                }
                else
                {
                    var f = int.Parse(parts[0], CultureInfo.InvariantCulture);
                    if (f >= LineFeatures.Names.Length || roots.Count == 0)
                    {
                        throw new FormatException("a node outside a tree or reading an unknown feature");
                    }

                    feature.Add(f);
                    threshold.Add(F(parts[1]));
                    left.Add(treeStart + int.Parse(parts[2], CultureInfo.InvariantCulture));
                    right.Add(treeStart + int.Parse(parts[3], CultureInfo.InvariantCulture));
                    value.Add(F(parts[4]));
                }
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new FormatException($"{name}({lineNo}): {e.Message}", e);
            }
        }

        if (@base is null)
        {
            throw new FormatException($"{name}: no 'trees' header");
        }

        return new LineModel(@base.Value, [.. roots], [.. feature], [.. threshold], [.. left], [.. right], [.. value]);
    }

    private static float F(string s) => float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The probability that the line whose features are <paramref name="row"/> belongs to the article.</summary>
    public double Probability(ReadOnlySpan<float> row) => Sigmoid(Sum(row, double.NegativeInfinity));

    /// <summary>The probability, when it is at least <paramref name="cut"/>; null otherwise (found without always
    /// walking every tree).</summary>
    public double? ProbabilityAtLeast(ReadOnlySpan<float> row, double cut)
    {
        var logit = cut <= 0 ? double.NegativeInfinity : cut >= 1 ? double.PositiveInfinity : Math.Log(cut / (1 - cut));
        var sum = Sum(row, logit);
        return sum >= logit ? Sigmoid(sum) : null;
    }

    // The trees' sum; stops (returning less than logit) once the rest cannot bring it up to logit.
    private double Sum(ReadOnlySpan<float> row, double logit)
    {
        double sum = _base;
        for (var t = 0; t < _roots.Length; t++)
        {
            if (sum + _reach[t] < logit)
            {
                return sum + _reach[t];
            }

            var node = _roots[t];
            while (_feature[node] >= 0)
            {
                node = row[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
            }

            sum += _value[node];
        }

        return sum;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
