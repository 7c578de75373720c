namespace StaticDossier.Cleaning;

/// <summary>A text's words and its stop words by list; <see cref="VietnameseOnly"/> leaves out words on both lists.</summary>
internal readonly record struct StopCounts(int Words, int English, int VietnameseOnly, int Vietnamese);
