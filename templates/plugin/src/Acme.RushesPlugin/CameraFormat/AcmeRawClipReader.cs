using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Metadata;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;

namespace Acme.RushesPlugin.CameraFormat;

/// <summary>
/// An open ACME raw clip. Reads go through positional reads on one shared handle, which are safe
/// from many threads at once, so frames can be decoded in parallel.
/// </summary>
internal sealed class AcmeRawClipReader : IClipReader
{
    private const string Vendor = "AcmeRaw:";
    private readonly SafeFileHandle _handle;
    private readonly AcmeRawHeader _header;
    private readonly string _file;

    public AcmeRawClipReader(ClipLocation location, SafeFileHandle handle, AcmeRawHeader header, long fileLength)
    {
        Location = location;
        _handle = handle;
        _header = header;
        _file = location.MediaFiles[0];

        Info = new ClipInfo
        {
            Frames = new FrameRange(0, header.FrameCount - 1),
            Width = header.Width,
            Height = header.Height,
            FrameRate = header.FrameRate,
        };

        Metadata = new ClipMetadata
        {
            // Everything the file says, under the vendor's namespace...
            Vendor = MetadataSet.Create()
                .Set(Vendor + "Signature", MetadataValue.Of("ACMERAW1"))
                .Set(Vendor + "Width", MetadataValue.Of(header.Width, MetadataUnit.Pixel))
                .Set(Vendor + "Height", MetadataValue.Of(header.Height, MetadataUnit.Pixel))
                .Set(Vendor + "FrameCount", MetadataValue.Of(header.FrameCount, MetadataUnit.None))
                .Set(Vendor + "FrameRate", MetadataValue.Of(header.FrameRate.AsRational, MetadataUnit.FramesPerSecond))
                .Set(Vendor + "SampleFormat", MetadataValue.Of("RGB, 16-bit unsigned little-endian, interleaved"))
                .Build(),

            // ...and the workflow fields in the host's normalized vocabulary and units.
            Normalized = MetadataSet.Create()
                .Set(NormalizedField.ClipName, MetadataValue.Of(location.Name))
                .Set(NormalizedField.Width, MetadataValue.Of(header.Width, MetadataUnit.Pixel))
                .Set(NormalizedField.Height, MetadataValue.Of(header.Height, MetadataUnit.Pixel))
                .Set(NormalizedField.FrameCount, MetadataValue.Of(header.FrameCount, MetadataUnit.None))
                .Set(NormalizedField.CaptureFrameRate, MetadataValue.Of(header.FrameRate.AsRational, MetadataUnit.FramesPerSecond))
                .Set(NormalizedField.Codec, MetadataValue.Of("ACME raw, uncompressed"))
                .Build(),
        };

        var diagnostics = new List<Diagnostic>(location.Diagnostics);
        if (fileLength > header.FileBytes)
        {
            diagnostics.Add(Diagnostic.Warning(
                $"{fileLength - header.FileBytes} bytes after the last frame were ignored.",
                _file, "frames", $"{header.FileBytes} bytes") with { Code = "acme-raw.trailing-bytes" });
        }

        Diagnostics = diagnostics;
    }

    public ClipLocation Location { get; }

    public ClipInfo Info { get; }

    public ClipMetadata Metadata { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public FrameMetadata ReadFrameMetadata(long frame)
    {
        CheckFrame(frame);
        return new FrameMetadata
        {
            Frame = frame,
            Values = MetadataSet.Create()
                .Set(Vendor + "FrameOffset", MetadataValue.Of(_header.FrameOffset(frame), MetadataUnit.Byte))
                .Build(),
        };
    }

    public DecodedFrame Decode(long frame, DecodeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckFrame(frame);
        if (request.Output != DecodeOutput.Rgb)
        {
            throw new InputException($"ACME raw holds RGB pixels, so there is no {request.Output} to decode.", _file, "output", "rgb");
        }

        var problems = request.Parameters.Validate(AcmeRawFormat.Parameters, "ACME raw");
        if (problems.Count > 0)
        {
            var first = problems[0];
            throw new InputException(first.Message, _file, first.Field, first.Expected);
        }

        var factor = request.Resolution switch
        {
            ResolutionLevel.Full => 1,
            ResolutionLevel.Half => 2,
            ResolutionLevel.Quarter => 4,
            _ => throw new InputException($"Resolution level {request.Resolution} is not offered.", _file, "resolution", "full, half or quarter"),
        };

        // Each output pixel is the mean of a factor × factor block; blocks at the right and bottom
        // edges of odd sizes are averaged over the source pixels they cover.
        var width = (_header.Width + factor - 1) / factor;
        var height = (_header.Height + factor - 1) / factor;
        var image = new PlanarImage(width, height);
        var rowBytes = _header.RowBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(rowBytes * factor);
        try
        {
            var red = image.GetPlane(0);
            var green = image.GetPlane(1);
            var blue = image.GetPlane(2);
            for (var y = 0; y < height; y++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var firstRow = y * factor;
                var rows = Math.Min(factor, _header.Height - firstRow);
                var bytes = buffer.AsSpan(0, rows * rowBytes);
                var offset = _header.FrameOffset(frame) + ((long)firstRow * rowBytes);
                if (ReadFully(_handle, bytes, offset) != bytes.Length)
                {
                    throw new InputException($"Frame {frame} ends early: the file was shortened after it was opened.", _file, "frames", $"{_header.FileBytes} bytes");
                }

                for (var x = 0; x < width; x++)
                {
                    var firstColumn = x * factor;
                    var columns = Math.Min(factor, _header.Width - firstColumn);
                    long r = 0, g = 0, b = 0;
                    for (var row = 0; row < rows; row++)
                    {
                        var pixel = bytes.Slice((row * rowBytes) + (firstColumn * AcmeRawHeader.Channels * AcmeRawHeader.BytesPerSample));
                        for (var column = 0; column < columns; column++, pixel = pixel[6..])
                        {
                            r += BinaryPrimitives.ReadUInt16LittleEndian(pixel);
                            g += BinaryPrimitives.ReadUInt16LittleEndian(pixel[2..]);
                            b += BinaryPrimitives.ReadUInt16LittleEndian(pixel[4..]);
                        }
                    }

                    // Normalize so that the largest code value, 65535, is 1.0.
                    var divisor = 65535.0 * rows * columns;
                    var at = (y * width) + x;
                    red[at] = (float)(r / divisor);
                    green[at] = (float)(g / divisor);
                    blue[at] = (float)(b / divisor);
                }
            }
        }
        catch
        {
            image.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new DecodedFrame(frame, image, "camera-linear");
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>Reads until the span is full or the file ends; returns the bytes read.</summary>
    internal static int ReadFully(SafeFileHandle handle, Span<byte> destination, long offset)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var read = RandomAccess.Read(handle, destination[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private void CheckFrame(long frame)
    {
        if (!Info.Frames.Contains(frame))
        {
            throw new InputException($"Frame {frame} is not in the clip.", _file, "frame", $"a frame from {Info.Frames}");
        }
    }
}
