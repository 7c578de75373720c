using StaticDossier.Analysis;

namespace StaticDossier.Tests.Analysis;

/// <summary>Compares a model a long-lived builder made (its memos kept) with a fresh builder's, member by member: every
/// article view (its lists item by item) and every taxonomy with its terms and their articles in order.</summary>
internal static class ModelAssert
{
    public static void Same(DossierModel fresh, DossierModel kept, string context)
    {
        Assert.Equal(fresh.Articles.Count, kept.Articles.Count);
        for (var a = 0; a < fresh.Articles.Count; a++)
        {
            var (f, k) = (fresh.Articles[a], kept.Articles[a]);
            Assert.True(f.Tags.SequenceEqual(k.Tags) && f.People.SequenceEqual(k.People) && f.Related.SequenceEqual(k.Related)
                && (k with { Tags = f.Tags, People = f.People, Related = f.Related }).Equals(f), $"{f.Url} differs from a fresh build's: {context}");
        }

        Assert.Equal(fresh.Taxonomies.Count, kept.Taxonomies.Count);
        foreach (var (f, k) in fresh.Taxonomies.Zip(kept.Taxonomies))
        {
            Assert.Equal((f.Key, f.Title, f.Url), (k.Key, k.Title, k.Url));
            Assert.Equal(f.Terms.Select(t => t.Url), k.Terms.Select(t => t.Url));
            foreach (var (ft, kt) in f.Terms.Zip(k.Terms))
            {
                Assert.Equal((ft.Name, ft.Role, ft.Description, ft.FullName, ft.HomePage), (kt.Name, kt.Role, kt.Description, kt.FullName, kt.HomePage));
                Assert.Equal(ft.Aliases, kt.Aliases);
                Assert.True(ft.Articles.SequenceEqual(kt.Articles), $"{f.Key} {ft.Url}: its articles differ from a fresh build's: {context}");
            }
        }
    }
}
