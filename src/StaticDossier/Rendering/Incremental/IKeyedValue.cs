namespace StaticDossier.Rendering.Incremental;

/// <summary>A value in a page's model (a template function, the interface texts) that depends only on what
/// <see cref="Identity"/> names, so a page's key holds it by that name (<see cref="ModelHasher"/>) instead of by its
/// contents. Whatever the identity leaves out must come from the templates folder, whose every change forgets the memo.</summary>
internal interface IKeyedValue
{
    /// <summary>Names the value and the state it depends on.</summary>
    string Identity { get; }
}
