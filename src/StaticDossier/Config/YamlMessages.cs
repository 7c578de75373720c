using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StaticDossier.Config;

/// <summary>Turns YamlDotNet's exception texts into actionable messages.</summary>
internal static partial class YamlMessages
{
    /// <summary>Describes a YAML failure; unknown keys list the keys that are allowed.</summary>
    public static string Describe(YamlException ex, Type target)
    {
        var inner = ex.InnerException?.Message ?? ex.Message;
        var unknown = UnknownProperty().Match(ex.Message);
        if (unknown.Success)
        {
            return $"Unknown key '{unknown.Groups[1].Value}'. Known keys: {string.Join(", ", KnownKeys(target))}.";
        }

        if (ex.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) || inner.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
        {
            return $"Duplicate key: {Trim(inner)}";
        }

        if (inner.Contains("No node deserializer was able to deserialize the node into type System.String", StringComparison.Ordinal))
        {
            return "Expected a single text value here, not a list or a mapping. Quote the value if it contains ':' or starts with '[' or '{'.";
        }

        if (ExpectedGot().Match(inner) is { Success: true } shape)
        {
            return $"Expected {Shape(shape.Groups[1].Value)} here, got {Shape(shape.Groups[2].Value)}.";
        }

        return $"Invalid YAML: {Trim(inner)}";
    }

    /// <summary>The lower_snake_case keys a type accepts.</summary>
    public static IEnumerable<string> KnownKeys(Type target) => target
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && p.GetCustomAttribute<YamlIgnoreAttribute>() is null)
        .Select(p => p.GetCustomAttribute<YamlMemberAttribute>()?.Alias ?? UnderscoredNamingConvention.Instance.Apply(p.Name))
        .Order(StringComparer.Ordinal);

    private static string Trim(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 1, Idx: 20) - (…): "; the diagnostic already carries the position.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }

    private static string Shape(string yamlEvent) => yamlEvent switch
    {
        "SequenceStart" => "a list (e.g. [a, b])",
        "MappingStart" => "a mapping (key: value lines)",
        "Scalar" => "a single value",
        _ => yamlEvent,
    };

    [GeneratedRegex("Expected '(\\w+)', got '(\\w+)'")]
    private static partial Regex ExpectedGot();

    /// <summary>The 1-based line of top-level <paramref name="key"/> in <paramref name="yaml"/>, or null, so a
    /// diagnostic about a value can point at its key.</summary>
    public static int? KeyLine(string yaml, string key)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(key + ":", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    [GeneratedRegex("Property '([^']+)' not found on type")]
    private static partial Regex UnknownProperty();
}
