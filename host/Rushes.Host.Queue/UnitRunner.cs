using Rushes.Host.Render;

namespace Rushes.Host.Queue;

/// <summary>Runs one unit to its result, as <c>rushes render --job</c> does; throws to fail it.</summary>
public delegate Task<RenderResult> UnitRunner(QueuedUnit unit, IProgress<RenderProgress> progress, CancellationToken cancellationToken);
