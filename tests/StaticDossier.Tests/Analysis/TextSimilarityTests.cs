using StaticDossier.Analysis;

namespace StaticDossier.Tests.Analysis;

public sealed class TextSimilarityTests
{
    private const string CallA = "Foreign Minister Bui Thanh Son told his Russian counterpart Sergey Lavrov in a phone conversation on March 15 that Vietnam hoped the parties would exercise restraint, reduce tensions and continue dialogue to find a long-term solution in accordance with international law.";
    private const string CallB = "Hanoi (VNA) Minister Bui Thanh Son and Sergey Lavrov discussed Ukraine during a phone talk on March 15. He urged the parties to exercise restraint, reduce tensions and continue dialogue to find a long-term solution in line with international law.";
    private const string Other = "The prime minister called for stronger cooperation in emergency response, early warning and search and rescue operations with the visiting delegation.";
    private const string Fourth = "Civil society groups in Hanoi presented a letter of support to the Ukrainian embassy, condemning the invasion.";

    [Fact]
    public void TwoReportsOfTheSameCallShareManyWordTriples()
    {
        var similarity = new TextSimilarity([.. new[] { CallA, CallB, Other, Fourth }.Select(TermMatcher.Key)]);
        Assert.True(similarity.Containment(0, 1) >= 0.25, similarity.Containment(0, 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(similarity.Containment(0, 2) < 0.05);
        Assert.True(similarity.Cosine(0, 1) > similarity.Cosine(0, 2));
        Assert.True(similarity.Cosine(0, 1) > similarity.Cosine(1, 3));
    }

    [Fact]
    public void IsSymmetricAndRepeatable()
    {
        var first = new TextSimilarity([.. new[] { CallA, CallB, Other }.Select(TermMatcher.Key)]);
        var second = new TextSimilarity([.. new[] { CallA, CallB, Other }.Select(TermMatcher.Key)]);
        Assert.Equal(first.Cosine(0, 1), first.Cosine(1, 0));
        Assert.Equal(first.Containment(0, 1), first.Containment(1, 0));
        Assert.Equal(first.Cosine(0, 1), second.Cosine(0, 1));
    }

    [Fact]
    public void PostingsGiveTheSameValuesAsPairwiseComparison()
    {
        var similarity = new TextSimilarity([.. new[] { CallA, CallB, Other, Fourth }.Select(TermMatcher.Key)]);
        for (var a = 0; a < similarity.Documents; a++)
        {
            var dot = new double[similarity.Documents];
            var shared = new int[similarity.Documents];
            similarity.Accumulate(a, dot, shared);
            for (var b = 0; b < similarity.Documents; b++)
            {
                Assert.Equal(similarity.Cosine(a, b), TextSimilarity.CosineOf(dot[b]), 6);
                Assert.Equal(similarity.Containment(a, b), similarity.ContainmentOf(a, b, shared[b]));
            }
        }
    }

    /// <summary>A body's heaviest words, which its candidate search walks, are its 24 of largest weight, ties to the lower
    /// word (by hash): 30 words of one body alone, each once, weigh the same; 30 words said 1 to 30 times weigh by count.</summary>
    [Fact]
    public void TheHeaviestWordsAreTheTwentyFourOfLargestWeightTiesToTheLowerWord()
    {
        var texts = Filler(seed: 5, words: 40).Take(40).ToArray();
        static string Word(string stem, int i) => $"{stem}{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}";
        texts[0] = string.Join(' ', Enumerable.Range(0, 30).Select(i => Word("alone", i)));
        texts[1] = string.Join(' ', Enumerable.Range(1, 30).SelectMany(i => Enumerable.Repeat(Word("said", i), i)));
        var similarity = new TextSimilarity([.. texts.Select(TermMatcher.Key)], everyTriple: false);

        var tied = TextSimilarity.Features(TermMatcher.Key(texts[0])).Words;
        Assert.Equal(tied.Order().Take(24).Order(), similarity.TopWordHashesOf(0).Order());
        var byCount = Enumerable.Range(7, 24).SelectMany(i => TextSimilarity.Features(TermMatcher.Key(Word("said", i))).Words);
        Assert.Equal(byCount.Order(), similarity.TopWordHashesOf(1).Order());
    }

    [Fact]
    public void CandidatesOfALargeDossierFindTheSameStoryAmongThousands()
    {
        // 3,000 filler articles drawn from a shared vocabulary, and the two reports of one call far apart.
        var texts = Filler(seed: 42, words: 120);
        texts[17] = CallA;
        texts[2950] = CallB;
        var similarity = new TextSimilarity([.. texts.Select(TermMatcher.Key)]);

        var candidates = similarity.Candidates(17, 64);
        Assert.Contains(2950, candidates);
        Assert.DoesNotContain(17, candidates);
        Assert.Equal(candidates.Order(), candidates);
        Assert.InRange(candidates.Count, 1, 64);
    }

    /// <summary>A large dossier indexes only a sample of each body's word triples; a reprint made of common words, whose
    /// heaviest words are others of its own (so no heavy word leads to it), is still found through the triples the two share.</summary>
    [Fact]
    public void SampledTriplesFindAReprintOfCommonWords()
    {
        var texts = Filler(seed: 7, words: 200);
        texts[2950] = texts[17] + " " + string.Join(' ', Enumerable.Range(0, 30).Select(i => $"only{i}"));
        var similarity = new TextSimilarity([.. texts.Select(TermMatcher.Key)], everyTriple: false);

        var candidates = similarity.Candidates(17, 16);
        Assert.Contains(2950, candidates);
        Assert.Equal(1.0, similarity.Compare(17, [2950])[0].Containment);
    }

    /// <summary>A build without a memo takes each text's words as it folds the text, and hands over the words only: the
    /// similarity made from them scores and finds every body's candidates as one made from the texts.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OneMadeFromWordsIsOneMadeFromTheTexts(bool everyTriple)
    {
        var random = new Random(11);
        string[] vocabulary = [.. Enumerable.Range(0, 300).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var sentences = Enumerable.Range(0, 150).Select(_ => string.Join(' ', Enumerable.Range(0, 10).Select(_ => vocabulary[random.Next(vocabulary.Length)]))).ToArray();
        var keys = Enumerable.Range(0, 120).Select(_ => string.Join(' ', Enumerable.Range(0, 8).Select(_ => sentences[random.Next(sentences.Length)]))).ToArray();
        var limits = new TextSimilarity.Limits(120, 6);
        var fromTexts = new TextSimilarity(keys, everyTriple, limits: limits);
        var fromWords = new TextSimilarity([.. keys.Select(TextSimilarity.Words.Of)], everyTriple, limits);

        for (var d = 0; d < keys.Length; d++)
        {
            var candidates = fromTexts.Candidates(d, 16);
            Assert.Equal(candidates, fromWords.Candidates(d, 16));
            Assert.Equal(fromTexts.Compare(d, candidates), fromWords.Compare(d, candidates));
            Assert.Equal(fromTexts.Cosine(d, (d + 1) % keys.Length), fromWords.Cosine(d, (d + 1) % keys.Length));
        }
    }

    /// <summary>3,000 texts of <paramref name="words"/> words each, drawn at random from 400 shared ones.</summary>
    private static List<string> Filler(int seed, int words)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 400).Select(i => $"word{i}").ToArray();
        return [.. Enumerable.Range(0, 3000).Select(_ => string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[random.Next(vocabulary.Length)])))];
    }

    /// <summary>A word new to the dossier in one body leaves every other body's sampled triples, and so its candidates,
    /// as they were: triples are made of word hashes, not of word ranks (which a new word moves). Before, one appended
    /// sentence changed the related articles of 8,309 of 10,000 articles.</summary>
    [Fact]
    public void ANewWordInOneBodyLeavesTheOtherBodiesCandidatesAlone()
    {
        var random = new Random(5);
        string[] vocabulary = [.. Enumerable.Range(0, 400).Select(i => "w" + ((i * 7919) % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture))];
        // Bodies made of sentences that several bodies share, as reports of one story do: many shared triples.
        var sentences = Enumerable.Range(0, 600).Select(_ => string.Join(' ', Enumerable.Range(0, 12).Select(_ => vocabulary[random.Next(vocabulary.Length)]))).ToArray();
        var keys = Enumerable.Range(0, 300).Select(_ => string.Join(' ', Enumerable.Range(0, 10).Select(_ => sentences[random.Next(sentences.Length)]))).ToArray();
        var before = new TextSimilarity(keys, everyTriple: false);
        var edited = (string[])keys.Clone();
        edited[7] += " aaaa0new";
        var after = new TextSimilarity(edited, everyTriple: false);
        for (var d = 0; d < keys.Length; d++)
        {
            var (was, now) = (before.Candidates(d, 16), after.Candidates(d, 16));
            if (d != 7 && !was.Contains(7) && !now.Contains(7))
            {
                Assert.Equal(was, now);
            }
        }
    }

    /// <summary>A long-lived builder's similarity, made from the last one for the bodies whose text changed (words new
    /// to the dossier or gone from it, document frequencies moved, bodies swapped), finds and scores every body's
    /// candidates as one made afresh does, after every step of a random sequence of edits: with the weights' own rounding
    /// of document frequencies, and with one so coarse (two leading binary digits) that most edits move common words
    /// across a step and many move them within one.</summary>
    [Theory]
    [InlineData(FrequencySteps.DefaultBits)]
    [InlineData(2)]
    public void OneMadeFromTheLastIsOneMadeAfresh(int frequencyBits)
    {
        var random = new Random(23);
        var (keys, sentences) = SimilarityTestBodies.Make(random);
        var vocabulary = SimilarityTestBodies.Vocabulary;
        var memo = new TextSimilarity.Memo();
        var limits = new TextSimilarity.Limits(120, 6, frequencyBits);
        _ = new TextSimilarity(keys, everyTriple: false, memo, limits);
        var edits = new List<string>();
        for (var step = 0; step < 30; step++)
        {
            var edit = (step % 6) switch
            {
                0 => "a word of its own",
                1 => "common words",
                2 => "a sentence removed",
                3 => "swapped with the next",
                4 => "a word gone from the dossier",
                _ => "rewritten",
            };
            // A word gone: from the body that took the last word of its own.
            var d = edit == "a word gone from the dossier" ? Math.Max(0, Array.FindIndex(keys, k => k.Contains(" zz", StringComparison.Ordinal))) : random.Next(keys.Length);
            edits.Add($"{d} {edit}");
            switch (edit)
            {
                case "a word of its own":
                    keys[d] += $" zz{step}new";
                    break;
                case "common words":
                    keys[d] += " " + string.Join(' ', vocabulary.Take(6));
                    break;
                case "a sentence removed":
                    keys[d] = string.Join(' ', keys[d].Split(' ').Skip(10));
                    break;
                case "swapped with the next":
                    (keys[d], keys[(d + 1) % keys.Length]) = (keys[(d + 1) % keys.Length], keys[d]);
                    break;
                case "a word gone from the dossier":
                    keys[d] = string.Join(' ', keys[d].Split(' ').Where(w => !w.StartsWith("zz", StringComparison.Ordinal)));
                    break;
                default:
                    keys[d] = SimilarityTestBodies.Body(random, sentences);
                    break;
            }

            var kept = new TextSimilarity(keys, everyTriple: false, memo, limits);
            var fresh = new TextSimilarity(keys, everyTriple: false, limits: limits);
            Assert.True(kept.MadeFromLast);
            Assert.Null(kept.IndexDifference(fresh));
            for (var a = 0; a < keys.Length; a++)
            {
                var candidates = fresh.Candidates(a, 16);
                var because = $"body {a} after {string.Join("; ", edits)}";
                Assert.True(candidates.SequenceEqual(kept.Candidates(a, 16)), because);
                Assert.True(fresh.Compare(a, candidates).SequenceEqual(kept.Compare(a, candidates)), because);
                Assert.True(fresh.TopWordHashesOf(a).SequenceEqual(kept.TopWordHashesOf(a)), because);
            }
        }
    }
}
