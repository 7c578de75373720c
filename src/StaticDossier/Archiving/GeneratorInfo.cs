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

    /// <summary>Name and version with the commit cut to 12 digits (one bag-info line), e.g. <c>StaticDossier 0.1.0+cf839d4c1d47</c>.</summary>
    public static string Agent { get; } = $"{Name} {ShortVersion(Version)}";

    private static string ShortVersion(string version)
    {
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 && version.Length > plus + 13 ? version[..(plus + 13)] : version;
    }
}
