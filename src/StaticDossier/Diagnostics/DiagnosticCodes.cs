namespace StaticDossier.Diagnostics;

/// <summary>Stable diagnostic codes: SD01xx config, SD02xx seeds and cleaning, SD03xx content,
/// SD04xx templates, SD05xx output.</summary>
public static class DiagnosticCodes
{
    /// <summary>site.yml is missing or unreadable.</summary>
    public const string ConfigMissing = "SD0100";
    /// <summary>site.yml is not valid YAML or has an unknown key.</summary>
    public const string ConfigInvalid = "SD0101";
    /// <summary>A required site.yml value is missing or out of range.</summary>
    public const string ConfigValue = "SD0102";
    /// <summary>A folder named in site.yml or on the command line does not exist.</summary>
    public const string ConfigFolderMissing = "SD0103";
    /// <summary>A command-line argument is unusable (empty, the root folder, a port out of range); refused before any work.</summary>
    public const string ArgumentInvalid = "SD0104";

    /// <summary>A seed cannot be read (encoding, binary, empty, too large).</summary>
    public const string SeedUnreadable = "SD0201";
    /// <summary>A seed sidecar (.seed.yml) is invalid.</summary>
    public const string SeedSidecarInvalid = "SD0202";
    /// <summary>Cleaning left no article text.</summary>
    public const string SeedNoArticle = "SD0203";
    /// <summary>A seed was decoded from a legacy encoding.</summary>
    public const string SeedLegacyEncoding = "SD0204";
    /// <summary>A seed changed since its content page was made, and the page was curated.</summary>
    public const string SeedChangedCurated = "SD0210";
    /// <summary>A curated content page was kept as it is.</summary>
    public const string ContentCuratedKept = "SD0211";
    /// <summary>Ingest could not read a seed folder or write content/ (disk full, read-only, permission, name too long, link loop).</summary>
    public const string IngestFileSystem = "SD0219";
    /// <summary>A seed or sidecar is a link outside the dossier, or a link that leads nowhere: not read.</summary>
    public const string SeedRefused = "SD0220";
    /// <summary>A saved page nests its elements too deeply to be parsed in reasonable time.</summary>
    public const string SeedHtmlTooDeep = "SD0221";
    /// <summary>Two seeds' names differ only by letter case or Unicode normalisation.</summary>
    public const string SeedNameClash = "SD0222";
    /// <summary>Cleaning found no text, so a page that has text was kept rather than emptied.</summary>
    public const string IngestKeptText = "SD0223";
    /// <summary>Another ingest is writing the same content folder.</summary>
    public const string IngestBusy = "SD0224";
    /// <summary>An interrupted ingest was found and its work finished or undone.</summary>
    public const string IngestRecovered = "SD0225";
    /// <summary>Two seeds hold the same bytes.</summary>
    public const string SeedDuplicate = "SD0226";
    /// <summary>Ingest could not write the content folder.</summary>
    public const string IngestWriteFailed = "SD0227";
    /// <summary>A word of a seed may be two words run together, but no rule made ingest sure: left as printed.</summary>
    public const string SeedWordSuspect = "SD0228";

    /// <summary>A seed's bytes differ from the SHA-256 its sidecar recorded when it was captured or imported.</summary>
    public const string SeedAlteredSinceSaved = "SD0230";
    /// <summary>A page could not be captured (network, status, timeout, size, robots.txt, not HTML).</summary>
    public const string CaptureFailed = "SD0231";
    /// <summary>A captured or imported page was already a seed, byte for byte.</summary>
    public const string CaptureUnchanged = "SD0232";
    /// <summary>A web archive (WARC, WACZ) cannot be read, or stops being a valid one at the position given.</summary>
    public const string ArchiveUnreadable = "SD0233";
    /// <summary>An archive record's payload does not match its WARC-Payload-Digest: the record is damaged.</summary>
    public const string ArchiveDigestMismatch = "SD0234";
    /// <summary>An archive record that looked like a page was not imported (revisit, too large, duplicate, bad date).</summary>
    public const string ArchiveRecordSkipped = "SD0235";

    /// <summary>Front matter is missing or not closed.</summary>
    public const string FrontMatterMissing = "SD0301";
    /// <summary>Front matter is not valid YAML, or has an unknown or duplicate key.</summary>
    public const string FrontMatterInvalid = "SD0302";
    /// <summary>A front matter value is invalid (date, language).</summary>
    public const string FrontMatterValue = "SD0303";
    /// <summary>A content file cannot be read.</summary>
    public const string ContentUnreadable = "SD0304";
    /// <summary>A content page has a second front matter block.</summary>
    public const string FrontMatterDuplicate = "SD0305";
    /// <summary>A front matter 'slug' is not a slug and was rewritten.</summary>
    public const string FrontMatterSlugRewritten = "SD0306";
    /// <summary>A page's Markdown cannot be rendered (nesting too deep).</summary>
    public const string ContentMarkdownUnrenderable = "SD0307";
    /// <summary>A content file is a link outside the dossier, or a link that leads nowhere: not read.</summary>
    public const string ContentRefused = "SD0320";

    /// <summary>A template is missing.</summary>
    public const string TemplateMissing = "SD0401";
    /// <summary>A template does not parse.</summary>
    public const string TemplateSyntax = "SD0402";
    /// <summary>A template failed while rendering.</summary>
    public const string TemplateRuntime = "SD0403";
    /// <summary>A template, partial or asset is a link that leads out of templates/ (or nowhere): not read.</summary>
    public const string TemplateOutside = "SD0404";
    /// <summary>An interface text is missing: no translation file for the site's language, or a key the page needs.</summary>
    public const string InterfaceTextMissing = "SD0405";
    /// <summary>A translation file (templates/i18n/*.yml) is malformed or has a key English does not.</summary>
    public const string InterfaceTextInvalid = "SD0406";

    /// <summary>Two pages would be written to the same path.</summary>
    public const string DuplicateOutputPath = "SD0501";
    /// <summary>A page's seed cannot be published as captured (missing, outside seeds/, unreadable, or changed since
    /// ingest so that its SHA-256 no longer matches the page's <c>seed_sha256</c>).</summary>
    public const string SeedNotPublished = "SD0505";
    /// <summary>An internal link or anchor does not resolve.</summary>
    public const string BrokenLink = "SD0502";
    /// <summary>The output folder could not be written.</summary>
    public const string OutputWriteFailed = "SD0503";
    /// <summary>The output folder is not one a build may replace (not empty, not written by a build, or a source folder).</summary>
    public const string OutputFolderRefused = "SD0504";
    /// <summary>The preview server cannot listen (port in use or out of range).</summary>
    public const string ServeListenFailed = "SD0520";

    /// <summary>A snapshot could not be made or written.</summary>
    public const string SnapshotFailed = "SD0550";
    /// <summary>A bag (zip or folder) cannot be opened or read.</summary>
    public const string BagUnreadable = "SD0551";
    /// <summary>bagit.txt is missing or not a valid bag declaration.</summary>
    public const string BagDeclarationInvalid = "SD0552";
    /// <summary>A file listed in a manifest is not in the bag.</summary>
    public const string BagFileMissing = "SD0553";
    /// <summary>A file in the bag is not listed in a manifest that should list it.</summary>
    public const string BagFileExtra = "SD0554";
    /// <summary>A file's checksum differs from its manifest's: the file was altered or damaged.</summary>
    public const string BagFileAltered = "SD0555";
    /// <summary>bag-info.txt is malformed or disagrees with the payload (Payload-Oxum).</summary>
    public const string BagInfoInvalid = "SD0556";
    /// <summary>A manifest is missing, malformed, or uses an unknown algorithm.</summary>
    public const string BagManifestInvalid = "SD0557";
}
