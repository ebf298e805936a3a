namespace Rushes.Host.Editorial.Edl;

/// <summary>How an event begins: the CMX3600 edit types.</summary>
public enum EdlTransitionKind
{
    /// <summary><c>C</c>: a cut.</summary>
    Cut,

    /// <summary><c>D</c>: a dissolve from the previous source.</summary>
    Dissolve,

    /// <summary><c>Wnnn</c>: a wipe of SMPTE pattern nnn.</summary>
    Wipe,

    /// <summary><c>K</c>, <c>KB</c>, <c>KO</c>: a key.</summary>
    Key,
}

/// <summary>An event's transition: its kind, duration in frames, and the wipe pattern or key code as written.</summary>
public sealed record EdlTransition(EdlTransitionKind Kind, int Frames = 0, string Code = "C");
