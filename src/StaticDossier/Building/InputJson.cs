using System.Text.Json.Serialization;
using StaticDossier.Config;
using StaticDossier.Seeds;

namespace StaticDossier.Building;

/// <summary>The inputs hashed into fingerprints and ingest keys, as JSON generated at compile time: no reflection,
/// so the same text whether the generator is compiled just in time or ahead of time.</summary>
[JsonSerializable(typeof(SiteConfig))]
[JsonSerializable(typeof(SeedMetadata))]
internal sealed partial class InputJson : JsonSerializerContext;
