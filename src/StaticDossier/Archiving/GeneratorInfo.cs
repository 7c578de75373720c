using System.Reflection;

namespace StaticDossier.Archiving;

/// <summary>Which generator made a snapshot: name and version (with the source commit when the build knew it).</summary>
internal static class GeneratorInfo
{
    /// <summary>The generator's name.</summary>
    public const string Name = "StaticDossier";

    /// <summary>The informational version, e.g. <c>0.1.0+cf839d4c…</c>.</summary>
    public static string Version { get; } =
        typeof(GeneratorInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Name and version, as written to Bag-Software-Agent.</summary>
    public static string Agent => $"{Name} {Version}";
}
