namespace StaticDossier.Building;

/// <summary>Where a build is: a named phase and, when it counts items, how many of how many are done.</summary>
/// <param name="Phase">e.g. <c>render</c>, <c>check</c>, <c>write</c>.</param>
/// <param name="Done">Items done so far.</param>
/// <param name="Total">Items in the phase, 0 when unknown.</param>
public readonly record struct BuildProgress(string Phase, int Done, int Total);
