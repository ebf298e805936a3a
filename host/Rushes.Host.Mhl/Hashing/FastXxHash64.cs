using System.Buffers.Binary;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rushes.Host.Mhl.Hashing;

/// <summary>
/// XXH64 with seed 0 (xxHash specification, "XXH64 algorithm description", github.com/Cyan4973/xxHash
/// doc/xxhash_spec.md). System.IO.Hashing's XxHash64 gives the same digests but ran at about a quarter
/// of xxhsum's speed in bench/MhlHashBench; this loop keeps the four lanes in registers over whole
/// 32-byte stripes. Tests check it against System.IO.Hashing, xxhsum and the ASC vectors.
/// </summary>
public sealed class FastXxHash64 : NonCryptographicHashAlgorithm
{
    // The five 64-bit primes of the specification.
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    private const ulong Prime5 = 0x27D4EB2F165667C5UL;
    private const int StripeLength = 32;

    private readonly byte[] _pending = new byte[StripeLength];
    private int _pendingLength;
    private ulong _v1, _v2, _v3, _v4;
    private ulong _length;

    /// <summary>Starts an empty hash.</summary>
    public FastXxHash64()
        : base(8)
    {
        Reset();
    }

    /// <inheritdoc />
    public override void Reset()
    {
        _v1 = unchecked(Prime1 + Prime2);
        _v2 = Prime2;
        _v3 = 0;
        _v4 = unchecked(0 - Prime1);
        _pendingLength = 0;
        _length = 0;
    }

    /// <inheritdoc />
    public override void Append(ReadOnlySpan<byte> source)
    {
        _length += (ulong)source.Length;
        if (_pendingLength > 0)
        {
            var take = Math.Min(StripeLength - _pendingLength, source.Length);
            source[..take].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += take;
            source = source[take..];
            if (_pendingLength < StripeLength)
            {
                return;
            }

            Stripes(_pending);
            _pendingLength = 0;
        }

        var whole = source.Length & ~(StripeLength - 1);
        if (whole > 0)
        {
            Stripes(source[..whole]);
        }

        source[whole..].CopyTo(_pending);
        _pendingLength = source.Length - whole;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Stripes(ReadOnlySpan<byte> data)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        var (v1, v2, v3, v4) = (_v1, _v2, _v3, _v4);
        for (nint offset = 0, end = data.Length; offset < end; offset += StripeLength)
        {
            v1 = Round(v1, Read(ref start, offset));
            v2 = Round(v2, Read(ref start, offset + 8));
            v3 = Round(v3, Read(ref start, offset + 16));
            v4 = Round(v4, Read(ref start, offset + 24));
        }

        (_v1, _v2, _v3, _v4) = (v1, v2, v3, v4);
    }

    /// <inheritdoc />
    protected override void GetCurrentHashCore(Span<byte> destination)
        => BinaryPrimitives.WriteUInt64BigEndian(destination, Digest());

    private ulong Digest()
    {
        unchecked
        {
            var hash = _length >= StripeLength
                ? Merge(Merge(Merge(Merge(BitOperations.RotateLeft(_v1, 1) + BitOperations.RotateLeft(_v2, 7) + BitOperations.RotateLeft(_v3, 12) + BitOperations.RotateLeft(_v4, 18), _v1), _v2), _v3), _v4)
                : Prime5;
            hash += _length;

            ReadOnlySpan<byte> tail = _pending.AsSpan(0, _pendingLength);
            for (; tail.Length >= 8; tail = tail[8..])
            {
                hash ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(tail));
                hash = (BitOperations.RotateLeft(hash, 27) * Prime1) + Prime4;
            }

            if (tail.Length >= 4)
            {
                hash ^= BinaryPrimitives.ReadUInt32LittleEndian(tail) * Prime1;
                hash = (BitOperations.RotateLeft(hash, 23) * Prime2) + Prime3;
                tail = tail[4..];
            }

            foreach (var b in tail)
            {
                hash ^= b * Prime5;
                hash = BitOperations.RotateLeft(hash, 11) * Prime1;
            }

            // Avalanche.
            hash ^= hash >> 33;
            hash *= Prime2;
            hash ^= hash >> 29;
            hash *= Prime3;
            hash ^= hash >> 32;
            return hash;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read(ref byte start, nint offset)
    {
        var value = Unsafe.ReadUnaligned<ulong>(ref Unsafe.AddByteOffset(ref start, offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong accumulator, ulong input)
        => unchecked(BitOperations.RotateLeft(accumulator + (input * Prime2), 31) * Prime1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Merge(ulong hash, ulong lane)
        => unchecked(((hash ^ Round(0, lane)) * Prime1) + Prime4);
}
