using System.Buffers.Binary;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>Reads the big-endian fields of an opcode list (DNG 1.6, chapter 7: opcode lists are always big-endian), failing clearly past the end.</summary>
internal ref struct OpcodeReader(ReadOnlySpan<byte> data, string list, string? file)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly int Remaining => _data.Length - _position;

    public readonly string List => list;

    public readonly string? File => file;

    public uint UInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public double Double() => BinaryPrimitives.ReadDoubleBigEndian(Take(8));

    public float Single() => BinaryPrimitives.ReadSingleBigEndian(Take(4));

    public ReadOnlySpan<byte> Bytes(int count) => Take(count);

    public readonly InputException Error(string message, string expected)
        => new($"{List}: {message}", file, List, expected);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw Error($"the list ends {count - Remaining} bytes early at byte {_position} of {_data.Length}.", "every opcode's parameters within the list's byte count");
        }

        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }
}
