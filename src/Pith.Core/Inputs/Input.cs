namespace Pith.Core.Inputs;

/// <summary>One thing the user handed in: a file, or standard input (<see cref="StandardInput"/>).</summary>
public sealed record Input(string Path)
{
    public const string StandardInputName = "-";

    public bool IsStandardInput => Path == StandardInputName;
}
