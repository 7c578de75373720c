using System.CommandLine;
using StaticDossier.Archiving;
using StaticDossier.Diagnostics;

namespace StaticDossier.Cli.Commands;

/// <summary><c>dossier verify FILE</c>: recompute every checksum of a snapshot (zip or unpacked bag folder).</summary>
internal static class VerifyCommand
{
    private static readonly Argument<string> Bag = new("FILE")
    {
        Description = "A snapshot zip, or an unpacked bag folder",
    };

    public static Command Create()
    {
        var command = new Command("verify", "Check a snapshot: recompute every checksum and report each missing, extra or altered file.")
        {
            Bag,
        };
        command.SetAction(Run);
        return command;
    }

    public static int Run(ParseResult parse)
    {
        var diagnostics = new DiagnosticBag();
        var path = parse.GetValue(Bag)!;
        if (!PathArguments.TryResolve(path, "verify FILE", diagnostics, out _))
        {
            return CommonOptions.Finish(parse, diagnostics, succeeded: false);
        }

        using var source = BagReader.Open(path, diagnostics);
        if (source is null)
        {
            Console.WriteLine($"verify: {path}: cannot be checked");
            return CommonOptions.Finish(parse, diagnostics, succeeded: false);
        }

        var result = BagVerifier.Verify(source, diagnostics);
        Console.WriteLine(result.IsValid
            ? $"verify: {source.Display}: valid bag; {result.PayloadFiles} payload files, {result.PayloadOctets:N0} bytes, {string.Join(" and ", result.Algorithms)} checksums all match"
            : $"verify: {source.Display}: {result.Problems} problem{(result.Problems == 1 ? "" : "s")}; the bag is not valid");
        return CommonOptions.Finish(parse, diagnostics, result.IsValid);
    }
}
