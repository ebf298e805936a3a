using Microsoft.Win32.SafeHandles;
using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Colour;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Dng.Develop;
using Rushes.Plugins.Dng.Raw;

namespace Rushes.Plugins.Dng.Development;

/// <summary>A developed frame: its pixels, what they mean, and what was worked around.</summary>
internal sealed record DevelopedFrame(ImageBuffer Image, string ColourEncoding, string? InputTransformId, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// The DNG rendering pipeline in the order of DNG 1.7.1 chapter 5-7 and plugins/dng/develop/README.md: stored values,
/// OpcodeList1, linearization, black and white levels, ActiveArea, OpcodeList2, white balance and highlights,
/// demosaic, OpcodeList3, camera colour to ACES 2065-1 (or camera-linear), and last the default crop.
/// </summary>
internal static class DngDeveloper
{
    /// <summary>The id this plugin declares for its camera-colour input transform, so an AMF naming it is known to be applied.</summary>
    public const string InputTransformId = "urn:rushes:transformId:IDT.Rushes.DNG_CameraColour_to_ACES2065-1.a1.v1";

    public const string AcesEncoding = "ACES2065-1";
    public const string CameraLinearEncoding = "camera-linear";
    public const string MosaicEncoding = "cfa-linear";

    public static DevelopedFrame Develop(DngFrameFile frame, DngDecodeOptions options, DecodeOutput output, CancellationToken cancellationToken)
    {
        var raw = frame.Raw;
        var diagnostics = new List<Diagnostic>();
        var list1 = Parse(raw.OpcodeList1, "OpcodeList1", raw.File, diagnostics);
        var list2 = Parse(raw.OpcodeList2, "OpcodeList2", raw.File, diagnostics);
        var list3 = Parse(raw.OpcodeList3, "OpcodeList3", raw.File, diagnostics);
        using var handle = File.OpenHandle(raw.File, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        if (raw.IsLinearRaw)
        {
            if (output == DecodeOutput.Mosaic)
            {
                throw new InputException("A LinearRaw DNG holds RGB pixels, not a mosaic.", raw.File, "output", "rgb");
            }

            return LinearRaw(frame, handle, options, list1, list2, list3, diagnostics, cancellationToken);
        }

        var mosaic = Mosaic(raw, handle, list1, cancellationToken);
        var handedOut = false;
        try
        {
            list2.Apply(mosaic);
            cancellationToken.ThrowIfCancellationRequested();
            if (output == DecodeOutput.Mosaic)
            {
                handedOut = true;
                return new DevelopedFrame(mosaic, MosaicEncoding, null, diagnostics);
            }

            var colour = Colour(frame, options);
            MosaicColour.WhiteBalance(mosaic, colour.Multipliers);
            MosaicColour.Highlights(mosaic, options.Highlights);
            // OpcodeList3 areas are full-resolution pixels: with such a list, develop in full and reduce afterwards.
            var level = list3.Opcodes.Count > 0 ? ResolutionLevel.Full : options.Resolution;
            var rgb = Demosaic.Run(mosaic, options.Method, level);
            return Finish(frame, options, colour, list3, rgb, level, diagnostics);
        }
        finally
        {
            if (!handedOut)
            {
                mosaic.Dispose();
            }
        }
    }

    /// <summary>Stored values → OpcodeList1 → linearized, black- and white-scaled active area.</summary>
    private static CfaImage Mosaic(RawImage raw, SafeFileHandle handle, DngOpcodeList list1, CancellationToken cancellationToken)
    {
        var pattern = raw.Pattern!;
        using var stored = new CfaImage(raw.Width, raw.Height, pattern.Shifted(-raw.ActiveArea.Left, -raw.ActiveArea.Top), raw.BitsPerSample);
        RawSamples.Read(handle, raw, stored.SampleMemory, cancellationToken);
        // The DNG SDK runs stage 1 on 16-bit integers normalized by 65535, floats as they are.
        list1.Apply(stored, raw.FloatingPoint ? 1 : 65535);
        var mosaic = new CfaImage(raw.ActiveWidth, raw.ActiveHeight, pattern, raw.BitsPerSample);
        var source = stored.SampleMemory;
        Parallel.For(0, mosaic.Height, new ParallelOptions { CancellationToken = cancellationToken }, y => RawLevels.Row(raw, source.Span, y, 0, mosaic.GetRow(y)));
        return mosaic;
    }

    private static DevelopedFrame LinearRaw(DngFrameFile frame, SafeFileHandle handle, DngDecodeOptions options, DngOpcodeList list1, DngOpcodeList list2, DngOpcodeList list3,
        List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var raw = frame.Raw;
        if (raw.SamplesPerPixel != 3)
        {
            throw new InputException($"The LinearRaw image has {raw.SamplesPerPixel} samples per pixel.", raw.File, "SamplesPerPixel", "3 (RGB) for a LinearRaw image");
        }

        var stored = new float[(long)raw.Width * raw.Height * 3];
        RawSamples.Read(handle, raw, stored, cancellationToken);
        if (list1.Opcodes.Count > 0)
        {
            ApplyToStored(list1, raw, stored);
        }

        var rgb = new PlanarImage(raw.ActiveWidth, raw.ActiveHeight, 3);
        try
        {
            Parallel.For(0, rgb.Height, new ParallelOptions { CancellationToken = cancellationToken }, y =>
            {
                for (var c = 0; c < 3; c++)
                {
                    RawLevels.Row(raw, stored, y, c, rgb.GetRow(c, y));
                }
            });
            list2.Apply(rgb);
            var colour = Colour(frame, options);
            MosaicColour.Transform(rgb, new ColourMatrix(Diagonal(colour.Multipliers)));
            if (options.Highlights == HighlightMode.Clip)
            {
                for (var c = 0; c < 3; c++)
                {
                    foreach (ref var v in rgb.GetPlane(c))
                    {
                        v = Math.Min(v, 1f);
                    }
                }
            }

            var level = list3.Opcodes.Count > 0 ? ResolutionLevel.Full : options.Resolution;
            var sized = level == ResolutionLevel.Full ? rgb : Downscale.Box(rgb, (int)level);
            if (!ReferenceEquals(sized, rgb))
            {
                rgb.Dispose();
            }

            rgb = null!;
            return Finish(frame, options, colour, list3, sized, level, diagnostics);
        }
        catch
        {
            rgb?.Dispose();
            throw;
        }
    }

    /// <summary>Runs OpcodeList1 on interleaved stored RGB values, scaled to 0..1 by 65535 as the SDK's stage 1 sees them.</summary>
    private static void ApplyToStored(DngOpcodeList list, RawImage raw, float[] stored)
    {
        var scale = raw.FloatingPoint ? 1f : 65535f;
        using var planes = new PlanarImage(raw.Width, raw.Height, 3);
        for (var c = 0; c < 3; c++)
        {
            var plane = planes.GetPlane(c);
            for (var i = 0; i < plane.Length; i++)
            {
                plane[i] = stored[(i * 3) + c] / scale;
            }
        }

        list.Apply(planes);
        for (var c = 0; c < 3; c++)
        {
            var plane = planes.GetPlane(c);
            for (var i = 0; i < plane.Length; i++)
            {
                stored[(i * 3) + c] = plane[i] * scale;
            }
        }
    }

    /// <summary>OpcodeList3, the reduction a full-resolution develop owes, colour, and the default crop.</summary>
    private static DevelopedFrame Finish(DngFrameFile frame, DngDecodeOptions options, CameraColour colour, DngOpcodeList list3, PlanarImage rgb, ResolutionLevel developedAt,
        List<Diagnostic> diagnostics)
    {
        try
        {
            list3.Apply(rgb);
            if (developedAt != options.Resolution)
            {
                var reduced = Downscale.Box(rgb, (int)options.Resolution);
                rgb.Dispose();
                rgb = reduced;
            }

            string encoding;
            string? transform = null;
            if (options.Output == OutputSpace.Aces)
            {
                MosaicColour.Transform(rgb, colour.BalancedCameraToAces);
                encoding = AcesEncoding;
                transform = InputTransformId;
            }
            else
            {
                var gain = Math.Pow(2, frame.BaselineExposure + options.ExposureStops);
                if (gain != 1)
                {
                    MosaicColour.Transform(rgb, new ColourMatrix([gain, 0, 0, 0, gain, 0, 0, 0, gain]));
                }

                encoding = CameraLinearEncoding;
            }

            var (x, y, width, height) = frame.CropAt((int)options.Resolution, rgb.Width, rgb.Height);
            if (x != 0 || y != 0 || width != rgb.Width || height != rgb.Height)
            {
                var cropped = Downscale.Crop(rgb, x, y, width, height);
                rgb.Dispose();
                rgb = cropped;
            }

            return new DevelopedFrame(rgb, encoding, transform, diagnostics);
        }
        catch
        {
            rgb.Dispose();
            throw;
        }
    }

    private static CameraColour Colour(DngFrameFile frame, DngDecodeOptions options)
    {
        if (frame.Profile is { } profile)
        {
            try
            {
                return CameraColour.Solve(profile, options.WhiteBalance, frame.BaselineExposure + options.ExposureStops);
            }
            catch (InputException ex) when (ex.File is null)
            {
                throw new InputException(ex.Message, frame.Path, ex.Field, ex.Expected, ex);
            }
        }

        throw new InputException($"{Path.GetFileName(frame.Path)} has no ColorMatrix1, so its camera colour cannot be mapped.", frame.Path, "ColorMatrix1",
            "a DNG camera profile in IFD0");
    }

    private static DngOpcodeList Parse(byte[]? bytes, string name, string file, List<Diagnostic> diagnostics)
    {
        if (bytes is null)
        {
            return DngOpcodeList.Empty;
        }

        var list = DngOpcodeList.Parse(bytes, name, file);
        diagnostics.AddRange(list.Diagnostics);
        return list;
    }

    private static double[] Diagonal(IReadOnlyList<double> d) => [d[0], 0, 0, 0, d[1], 0, 0, 0, d[2]];
}
