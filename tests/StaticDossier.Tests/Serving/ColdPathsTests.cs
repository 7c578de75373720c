using StaticDossier.Serving;

namespace StaticDossier.Tests.Serving;

/// <summary>What <c>serve</c> compiles ahead after its first build (<see cref="ColdPaths"/>): the library's methods, and
/// nothing while a build runs.</summary>
public sealed class ColdPathsTests
{
    [Fact]
    public async Task PreparesTheLibrarysMethodsOnlyWhileNoBuildRuns()
    {
        using var stop = new CancellationTokenSource();
        var building = true;
        var waiting = ColdPaths.WarmInBackground(() => Volatile.Read(ref building), stop.Token);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        await stop.CancelAsync();
        Assert.Equal(0, await waiting);

        building = false;
        var prepared = await ColdPaths.WarmInBackground(() => false, TestContext.Current.CancellationToken);
        Assert.True(prepared > 1000, $"{prepared} methods prepared");
    }
}
