using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace StaticDossier.Rendering.Data;

/// <summary>Shared JSON settings. The encoder keeps letters readable but always escapes <c>&lt;</c>, <c>&gt;</c>,
/// <c>&amp;</c> and quotes, so JSON from seed text can sit inside a script element without closing it.
/// <para>Each writer's types are described at compile time (a <c>JsonSerializerContext</c> beside them) and
/// take copies of these options: no reflection, so the natively compiled CLI writes the same bytes.</para></summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>For downloads: indented, and every key present in every record, null or not.</summary>
    public static readonly JsonSerializerOptions Indented = new(Compact)
    {
        WriteIndented = true,
        IndentSize = 2,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };
}
