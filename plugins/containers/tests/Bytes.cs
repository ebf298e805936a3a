using System.Buffers.Binary;
using System.Text;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>Byte surgery on fixtures, for the bad-input tests.</summary>
internal static class Bytes
{
    public static int Find(byte[] data, ReadOnlySpan<byte> pattern, int from = 0)
    {
        var at = data.AsSpan(from).IndexOf(pattern);
        return at < 0 ? throw new InvalidOperationException($"pattern not found after {from}") : from + at;
    }

    /// <summary>The offset of an atom's size field, found by its type after <paramref name="from"/>.</summary>
    public static int Atom(byte[] data, string type, int from = 0) => Find(data, Encoding.Latin1.GetBytes(type), from) - 4;

    public static byte[] With(byte[] data, Action<byte[]> edit)
    {
        var copy = (byte[])data.Clone();
        edit(copy);
        return copy;
    }

    public static void U32(byte[] data, int at, uint value) => BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(at), value);

    public static void U16(byte[] data, int at, ushort value) => BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), value);

    public static uint ReadU32(byte[] data, int at) => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal));

    /// <summary>Runs <paramref name="action"/> on another thread and fails if it has not finished within <paramref name="limit"/> (a hang or a runaway loop).</summary>
    public static void Within(TimeSpan limit, Action action)
    {
        var task = Task.Run(action);
        if (!task.Wait(limit))
        {
            Assert.Fail($"did not finish within {limit.TotalSeconds} s");
        }

        task.GetAwaiter().GetResult();
    }
}
