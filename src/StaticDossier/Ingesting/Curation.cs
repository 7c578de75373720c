using StaticDossier.Content;

namespace StaticDossier.Ingesting;

/// <summary>The page ingest would write for a seed now.</summary>
/// <param name="FileName">The name its title and date ask for (<see cref="ContentPageFactory.FileNameFor"/>).</param>
/// <param name="Sha256">The hash of its text.</param>
/// <param name="HasText">Whether cleaning left any article text.</param>
internal sealed record GeneratedPage(string FileName, string Sha256, bool HasText);

/// <summary>A content page as found on disk.</summary>
/// <param name="Sha256">The hash of its text.</param>
/// <param name="HasText">Whether its body holds any text.</param>
internal sealed record PageOnDisk(string Sha256, bool HasText);

/// <summary>Everything the curation decision for one seed rests on; gathered by <see cref="Ingestor"/>, which alone
/// reads files.</summary>
/// <param name="Record">The manifest's record of the seed's last ingest; null for a seed never ingested.</param>
/// <param name="SeedId">The seed's file name without extension.</param>
/// <param name="SeedSha256">The hash of the seed's bytes now.</param>
/// <param name="Generated">The page cleaning made of it now.</param>
/// <param name="AtRecord">The file the record names; null when there is no record or the file is gone.</param>
/// <param name="Adoptable">For a seed without a record: a page not in the manifest, named as this seed's page
/// would be, that holds exactly the generated text: the work of an ingest that was killed, or whose manifest was
/// lost. Null when there is none.</param>
/// <param name="Force">Whether the curator asked to overwrite edited pages (<c>--force</c>).</param>
internal sealed record CurationFacts(
    IngestRecord? Record, string SeedId, string SeedSha256, GeneratedPage Generated, PageOnDisk? AtRecord, string? Adoptable, bool Force);

/// <summary>What to say about a seed whose page is left alone.</summary>
internal enum CurationNotice
{
    /// <summary>Nothing to say.</summary>
    None,
    /// <summary>The curator deleted the page: not recreated.</summary>
    DeletedByCurator,
    /// <summary>The page has a curator's edits: kept.</summary>
    CuratorEdits,
    /// <summary>The seed changed, but the page has a curator's edits: kept, with a warning.</summary>
    SeedChangedUnderEdits,
    /// <summary>Cleaning found no text this time; the page, which has text, was kept rather than emptied.</summary>
    KeptText,
}

/// <summary>What ingest does with one seed's page.</summary>
/// <param name="Outcome">How the run's report counts it.</param>
/// <param name="Write">Whether the generated page is written.</param>
/// <param name="Name">The page's file name when it is known now (the record's or an adopted one); null when
/// <see cref="Write"/> needs a new, unique name.</param>
/// <param name="MoveFrom">The page's old name, deleted once the page is written under its new one.</param>
/// <param name="Notice">What to tell the curator.</param>
internal sealed record CurationDecision(IngestOutcome Outcome, bool Write, string? Name, string? MoveFrom, CurationNotice Notice)
{
    /// <summary>Whether the manifest records the generated page for the seed afterwards.</summary>
    public bool Records => Write || Outcome == IngestOutcome.Unchanged;
}

/// <summary>Decides what ingest does with one seed, from values alone: no file is read here, so every case is a row
/// of a table test. The rules, in order: a curator's work (an edited or deleted page) is never overwritten without
/// <c>--force</c>; a page with text is never replaced by an empty one, even with it; an untouched page follows its
/// seed, moving to a new name when better cleaning found a new title or date.</summary>
internal static class Curation
{
    public static CurationDecision Decide(CurationFacts facts)
    {
        var (record, seedId, seedSha, generated, atRecord, adoptable, force) = facts;
        if (record is null)
        {
            return adoptable is not null
                ? new CurationDecision(IngestOutcome.Unchanged, Write: false, adoptable, MoveFrom: null, CurationNotice.None)
                : new CurationDecision(IngestOutcome.Created, Write: true, Name: null, MoveFrom: null, CurationNotice.None);
        }

        if (atRecord is null)
        {
            return force
                ? new CurationDecision(IngestOutcome.Created, Write: true, record.Content, MoveFrom: null, CurationNotice.None)
                : new CurationDecision(IngestOutcome.KeptCurated, Write: false, record.Content, MoveFrom: null, CurationNotice.DeletedByCurator);
        }

        if (atRecord.Sha256 == generated.Sha256)
        {
            return new CurationDecision(IngestOutcome.Unchanged, Write: false, record.Content, MoveFrom: null, CurationNotice.None);
        }

        var untouched = atRecord.Sha256 == record.GeneratedSha256;
        if (!untouched && !force)
        {
            return record.SeedSha256 != seedSha
                ? new CurationDecision(IngestOutcome.SeedChanged, Write: false, record.Content, MoveFrom: null, CurationNotice.SeedChangedUnderEdits)
                : new CurationDecision(IngestOutcome.KeptCurated, Write: false, record.Content, MoveFrom: null, CurationNotice.CuratorEdits);
        }

        if (!generated.HasText && atRecord.HasText)
        {
            return new CurationDecision(IngestOutcome.KeptText, Write: false, record.Content, MoveFrom: null, CurationNotice.KeptText);
        }

        if (untouched && !force && !PageNames.IsNameFor(record.Content, generated.FileName, seedId))
        {
            // Better cleaning found a new title or date: the untouched page moves to its new name. The old file goes
            // only once the new one is written, so a run killed in between loses no article.
            return new CurationDecision(IngestOutcome.Created, Write: true, Name: null, record.Content, CurationNotice.None);
        }

        return new CurationDecision(IngestOutcome.Updated, Write: true, record.Content, MoveFrom: null, CurationNotice.None);
    }
}
