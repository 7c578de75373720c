namespace StaticDossier.Tests.Support;

/// <summary>The one place golden files are compared with what a test produced or, under <c>UPDATE_GOLDEN=1 dotnet test</c>,
/// rewritten from it (then review the diff in git). A golden's <c>\r\n</c> line ends are read as <c>\n</c>.</summary>
internal static class Golden
{
    private const string Hint = "run UPDATE_GOLDEN=1 dotnet test and review the diff";

    /// <summary>True when the goldens are being rewritten rather than checked.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>The file at <paramref name="path"/> must hold exactly <paramref name="actual"/>.</summary>
    public static void Text(string path, string actual)
    {
        if (Updating)
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Missing golden file {path}; {Hint}.");
        Assert.Equal(Normal(File.ReadAllText(path)), actual);
    }

    /// <summary>The file at <paramref name="path"/> must list <paramref name="actual"/>, one per line (blank lines ignored).</summary>
    public static void Lines(string path, IReadOnlyList<string> actual)
    {
        if (Updating)
        {
            File.WriteAllText(path, string.Concat(actual.Select(l => l + "\n")));
        }

        Assert.True(File.Exists(path), $"Missing golden file {path}; {Hint}.");
        Assert.Equal(Normal(File.ReadAllText(path)).Split('\n', StringSplitOptions.RemoveEmptyEntries), actual);
    }

    /// <summary>The folder <paramref name="expected"/> must hold exactly the files <paramref name="files"/> (paths relative to
    /// <paramref name="actual"/>, forward slashes), each with the same text.</summary>
    public static void Folder(string expected, string actual, IReadOnlyList<string> files, Func<string, IReadOnlyList<string>> list)
    {
        if (Updating)
        {
            if (Directory.Exists(expected))
            {
                Directory.Delete(expected, recursive: true);
            }

            foreach (var file in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(expected, file))!);
                File.Copy(Path.Combine(actual, file), Path.Combine(expected, file));
            }

            return;
        }

        Assert.Equal(list(expected), files);
        foreach (var file in files)
        {
            var want = File.ReadAllText(Path.Combine(expected, file)).ReplaceLineEndings("\n");
            var got = File.ReadAllText(Path.Combine(actual, file)).ReplaceLineEndings("\n");
            Assert.True(want == got, $"{expected}/{file} differs from the build; {Hint}.");
        }
    }

    private static string Normal(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
