using Scriban.Runtime;
using StaticDossier.Analysis;
using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering.Incremental;
using StaticDossier.Rendering.Interface;

namespace StaticDossier.Rendering.Pages;

/// <summary>What every page generator shares: the site's settings, the templates, and the variables every
/// template may use (<c>site</c>, <c>paths</c>, <c>taxonomies</c>, <c>root</c>, <c>page_title</c>, <c>head</c> …).</summary>
/// <para>With a <see cref="RenderMemo"/>, a page whose inputs are those of the last build keeps its bytes, unrendered.</para>
internal sealed class PageRenderer(SiteConfig config, TemplateRenderer templates, IReadOnlyList<Taxonomy> taxonomies, InterfaceText text, RenderMemo? memo = null)
{
    private readonly IReadOnlyDictionary<string, object> _interface = InterfaceStrings.Variables(text);

    public SiteConfig Config => config;

    public InterfaceText Text => text;

    /// <summary>A model for the page at <paramref name="outputPath"/>.</summary>
    public ScriptObject NewModel(string outputPath)
    {
        // Sized for the variables below and a page kind's own few: grown from empty, its table was made four times.
        var model = new ScriptObject(ModelSize);
        model.SetValue("site", new SiteView(config.Title, config.Description, config.Language, config.BaseUrl, config.Author, text["locale"]), true);
        foreach (var (name, value) in _interface)
        {
            model.SetValue(name, value, true);
        }

        model.SetValue("paths", SitePaths.ForTemplates, true);
        model.SetValue("taxonomies", taxonomies, true);
        model.SetValue("root", SiteUrls.RootFrom(outputPath), true);
        model.SetValue("output_path", outputPath, true);
        model.SetValue("canonical", SiteUrls.Absolute(config.BaseUrl, outputPath), true);
        model.SetValue("page_title", null, false);
        model.SetValue("page_description", config.Description, false);
        model.SetValue("page_scripts", Array.Empty<string>(), false);
        model.SetValue("json_ld", null, true);
        model.SetValue("dublin_core", Array.Empty<MetaTag>(), true);
        model.SetValue("nav_current", string.Empty, false);
        model.SetValue("og_type", "website", false);
        model.SetValue("pager", null, true);
        model.SetValue("standalone", null, true);
        model.SetValue("undated_label", text["undated"], true);
        model.SetValue("approx_label", text["date_approx_title"], true);
        return model;
    }

    private const int ModelSize = 32;

    public OutputFile? Render(string template, ScriptObject model, string outputPath, DiagnosticBag diagnostics, string? lastModified = null)
    {
        if (memo is null)
        {
            return templates.RenderFile(template, model, outputPath, diagnostics, lastModified);
        }

        if (memo.Reuse(template, model, outputPath) is { } kept)
        {
            return new OutputFile(outputPath, kept) { LastModified = lastModified };
        }

        // Templates assign to the model (page_title, nav_current …): the key is taken from the values as they were given.
        var given = (ScriptObject)model.Clone(false);
        var rendered = templates.RenderUtf8(template, model, outputPath, diagnostics, memo.Schema(template));
        if (rendered is not null)
        {
            memo.Record(template, given, outputPath, rendered);
        }

        return rendered is null ? null : new OutputFile(outputPath, rendered) { LastModified = lastModified };
    }
}

/// <summary>The site settings templates see as <c>site</c>.</summary>
/// <param name="Title">The dossier's title.</param>
/// <param name="Description">Its one-paragraph description.</param>
/// <param name="Language">Language of the site's own pages.</param>
/// <param name="BaseUrl">Absolute URL the site is published at.</param>
/// <param name="Author">The curators.</param>
/// <param name="Locale">The interface language's locale for Open Graph (<c>en_GB</c>, <c>vi_VN</c>).</param>
internal sealed record SiteView(string Title, string Description, string Language, string BaseUrl, string Author, string Locale);

/// <summary>A <c>&lt;meta name content&gt;</c> pair, e.g. Dublin Core.</summary>
/// <param name="Name">The name attribute.</param>
/// <param name="Content">The content attribute.</param>
internal sealed record MetaTag(string Name, string Content);
