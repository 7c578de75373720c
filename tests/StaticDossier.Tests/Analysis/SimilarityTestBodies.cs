namespace StaticDossier.Tests.Analysis;

/// <summary>Bodies for similarity tests: 200 bodies of 8 sentences drawn from 200 sentences of 10 words, the words from
/// 600 with a skewed frequency, so common words span many bodies and bodies share whole sentences.</summary>
internal static class SimilarityTestBodies
{
    /// <summary>The words, commonest first.</summary>
    public static readonly string[] Vocabulary = [.. Enumerable.Range(0, 600).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public static (string[] Bodies, string[] Sentences) Make(Random random)
    {
        string Word() => Vocabulary[(int)(Vocabulary.Length * Math.Pow(random.NextDouble(), 2))];
        var sentences = Enumerable.Range(0, 200).Select(_ => string.Join(' ', Enumerable.Range(0, 10).Select(_ => Word()))).ToArray();
        return ([.. Enumerable.Range(0, 200).Select(_ => Body(random, sentences))], sentences);
    }

    /// <summary>A body of 8 of <paramref name="sentences"/>.</summary>
    public static string Body(Random random, string[] sentences) =>
        string.Join(' ', Enumerable.Range(0, 8).Select(_ => sentences[random.Next(sentences.Length)]));
}
