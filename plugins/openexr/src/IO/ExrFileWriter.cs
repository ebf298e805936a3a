using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.OpenExr.Compression;
using Rushes.Plugins.OpenExr.Format;

namespace Rushes.Plugins.OpenExr.IO;

/// <summary>One channel to write: its description and its samples, row after row (empty: every sample is <paramref name="Fill"/>).</summary>
internal sealed record ExrPlane(ExrChannel Channel, ReadOnlyMemory<float> Samples, float Fill = 1f);

/// <summary>
/// Writes a single-part scanline OpenEXR file: the header, the offset table, then the chunks in
/// increasing y. The chunks are converted and compressed in parallel on all cores; their sizes are
/// known before the first byte goes out, so the offset table is exact and the stream is written once,
/// front to back.
/// </summary>
internal static class ExrFileWriter
{
    /// <summary>The attributes every OpenEXR header needs, for a data window at (0, 0).</summary>
    public static List<ExrAttribute> RequiredAttributes(int width, int height, IReadOnlyList<ExrChannel> channels, ExrCompression compression, float pixelAspectRatio)
    {
        var window = new Box2i(0, 0, width - 1, height - 1);
        return
        [
            ExrAttribute.Channels(Sorted(channels)),
            ExrAttribute.Compression(compression),
            ExrAttribute.Box("dataWindow", window),
            ExrAttribute.Box("displayWindow", window),
            ExrAttribute.LineOrder(ExrLineOrder.IncreasingY),
            ExrAttribute.Float("pixelAspectRatio", pixelAspectRatio),
            ExrAttribute.V2f("screenWindowCenter", 0, 0),
            ExrAttribute.Float("screenWindowWidth", 1),
        ];
    }

    /// <summary>Channels in the order the file stores them: by name, byte by byte.</summary>
    public static List<ExrChannel> Sorted(IEnumerable<ExrChannel> channels) => [.. channels.OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>Writes the whole file; <paramref name="subject"/> names the image in errors, for example <c>Frame 1001</c>.</summary>
    public static void Write(Stream output, ExrHeader header, IReadOnlyList<ExrPlane> planes, NonFinitePolicy policy, int zipLevel, string subject,
        CancellationToken cancellationToken = default)
    {
        var window = header.DataWindow();
        var width = (int)window.Width;
        var height = (int)window.Height;
        var compression = header.Compression();
        var channels = header.Channels();
        var ordered = channels.Select(c => planes.Single(p => p.Channel.Name == c.Name)).ToArray();
        var linesPerChunk = ExrFormat.LinesPerChunk(compression);
        var chunkCount = (height + linesPerChunk - 1) / linesPerChunk;
        var chunks = new Chunk[chunkCount];
        try
        {
            // A refused sample does not stop the loop, so that the error always names the first bad chunk.
            var refusals = new InputException?[chunkCount];
            Parallel.For(0, chunkCount, new ParallelOptions { CancellationToken = cancellationToken }, index =>
            {
                var first = index * linesPerChunk;
                var lines = Math.Min(linesPerChunk, height - first);
                var layout = ChunkLayout.For(width, lines, channels);
                try
                {
                    chunks[index] = Encode(ordered, layout, first, compression, policy, zipLevel, subject);
                }
                catch (InputException ex)
                {
                    refusals[index] = ex;
                }
            });

            if (refusals.FirstOrDefault(r => r is not null) is { } refusal)
            {
                throw refusal;
            }

            var headerBytes = header.Serialize();
            var offsets = new byte[chunkCount * 8];
            long position = headerBytes.Length + offsets.Length;
            for (var i = 0; i < chunkCount; i++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(offsets.AsSpan(i * 8), position);
                position += 8 + chunks[i].Length;
            }

            output.Write(headerBytes);
            output.Write(offsets);
            Span<byte> prefix = stackalloc byte[8];
            for (var i = 0; i < chunkCount; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                BinaryPrimitives.WriteInt32LittleEndian(prefix, window.MinY + (i * linesPerChunk));
                BinaryPrimitives.WriteInt32LittleEndian(prefix[4..], chunks[i].Length);
                output.Write(prefix);
                output.Write(chunks[i].Buffer, 0, chunks[i].Length);
            }
        }
        finally
        {
            foreach (var chunk in chunks)
            {
                if (chunk.Buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(chunk.Buffer);
                }
            }
        }
    }

    private static Chunk Encode(ExrPlane[] planes, ChunkLayout layout, int firstLine, ExrCompression compression, NonFinitePolicy policy, int zipLevel, string subject)
    {
        var raw = ArrayPool<byte>.Shared.Rent(layout.Bytes);
        var width = layout.Width;
        Span<float> fill = stackalloc float[256];
        var at = 0;
        for (var line = 0; line < layout.Lines; line++)
        {
            var y = firstLine + line;
            foreach (var plane in planes)
            {
                var bytes = width * plane.Channel.BytesPerSample;
                var target = raw.AsSpan(at, bytes);
                if (plane.Samples.IsEmpty)
                {
                    fill.Fill(plane.Fill);
                    for (var x = 0; x < width; x += fill.Length)
                    {
                        var n = Math.Min(fill.Length, width - x);
                        SampleConversion.Write(fill[..n], plane.Channel.Type, NonFinitePolicy.Clamp, target[(x * plane.Channel.BytesPerSample)..]);
                    }
                }
                else
                {
                    var bad = SampleConversion.Write(plane.Samples.Span.Slice(y * width, width), plane.Channel.Type, policy, target);
                    if (bad >= 0)
                    {
                        ArrayPool<byte>.Shared.Return(raw);
                        var value = plane.Samples.Span[(y * width) + bad];
                        throw new InputException(
                            string.Create(CultureInfo.InvariantCulture, $"{subject}: pixel ({bad}, {y}) channel {plane.Channel.Name} is {value}, which a {plane.Channel.Type.ToString().ToLowerInvariant()} OpenEXR channel cannot hold as a finite value."),
                            field: "pixels", expected: "finite samples (set non-finite=clamp to write NaN as 0 and clamp infinities)");
                    }
                }

                at += bytes;
            }
        }

        if (compression == ExrCompression.None)
        {
            return new Chunk(raw, layout.Bytes);
        }

        var compressed = ArrayPool<byte>.Shared.Rent(layout.Bytes);
        var length = ChunkCodec.Compress(compression, raw.AsSpan(0, layout.Bytes), layout, compressed, zipLevel);
        if (length < 0)
        {
            ArrayPool<byte>.Shared.Return(compressed);
            return new Chunk(raw, layout.Bytes);
        }

        ArrayPool<byte>.Shared.Return(raw);
        return new Chunk(compressed, length);
    }

    private readonly record struct Chunk(byte[] Buffer, int Length);
}
