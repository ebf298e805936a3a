using Rushes.Contracts.Plugins;
using Rushes.Host.Render.Units;

namespace Rushes.Host.Render.Tests;

/// <summary>A folder lock held by a hung process is waited for a bounded time, then given up as an output error a queue retries.</summary>
public sealed class FolderLockTests : IDisposable
{
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void A_lock_held_past_the_wait_fails_as_an_io_error_naming_the_file_and_the_wait_and_is_taken_once_free()
    {
        var lockPath = Path.Combine(_work.Path, ".rushes-units", "mhl-0123456789abcdef.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        using (new FileStream(lockPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            var started = DateTime.UtcNow;
            var error = Assert.Throws<RenderOutputException>(() => FolderLock.Acquire(lockPath, TimeSpan.FromSeconds(0.2), CancellationToken.None));
            Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.2), "gave up before the wait was over");
            Assert.IsAssignableFrom<IOException>(error);
            Assert.Contains($"The lock '{lockPath}' is still held by another process after waiting 0.2 s (RUSHES_LOCK_TIMEOUT", error.Message, StringComparison.Ordinal);
            Assert.Equal(lockPath, error.Path);
        }

        using var taken = FolderLock.Acquire(lockPath, TimeSpan.Zero, CancellationToken.None);
        Assert.Throws<RenderOutputException>(() => FolderLock.Acquire(lockPath, TimeSpan.Zero, CancellationToken.None));
    }

    [Theory]
    [InlineData(null, 600.0)]
    [InlineData("", 600.0)]
    [InlineData("90", 90.0)]
    [InlineData("2.5", 2.5)]
    [InlineData("0", 0.0)]
    public void The_wait_is_ten_minutes_unless_RUSHES_LOCK_TIMEOUT_says_otherwise(string? seconds, double expected)
        => Assert.Equal(TimeSpan.FromSeconds(expected), FolderLock.Timeout(seconds));

    [Theory]
    [InlineData("ten")]
    [InlineData("-1")]
    [InlineData("1e9")]
    public void A_wait_that_is_not_seconds_is_refused_naming_the_variable(string seconds)
        => Assert.Equal("RUSHES_LOCK_TIMEOUT", Assert.Throws<InputException>(() => FolderLock.Timeout(seconds)).Field);
}
