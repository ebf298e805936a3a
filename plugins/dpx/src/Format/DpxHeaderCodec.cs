using System.Buffers.Binary;
using System.Globalization;
using Rushes.Contracts.Plugins;
using L = Rushes.Plugins.Dpx.Format.DpxLayout;

namespace Rushes.Plugins.Dpx.Format;

/// <summary>The 2048 bytes of a DPX file's generic and industry headers, to and from <see cref="DpxHeader"/>.</summary>
internal static class DpxHeaderCodec
{
    public static void Write(DpxHeader h, Span<byte> destination)
    {
        var bytes = destination[..(int)L.HeaderSize];
        bytes.Clear();
        var f = new DpxFields(bytes, h.BigEndian);

        // The same word in the file's byte order: "SDPX" big-endian, "XPDS" little-endian.
        f.U32(L.MagicAt, L.Magic);
        f.U32(L.ImageOffsetAt, h.ImageOffset);
        f.Text(L.VersionAt, 8, h.Version);
        f.U32(L.FileSizeAt, h.FileSize);
        f.U32(L.DittoKeyAt, h.DittoKey);
        f.U32(L.GenericSizeAt, h.GenericHeaderSize);
        f.U32(L.IndustrySizeAt, h.IndustryHeaderSize);
        f.U32(L.UserSizeAt, h.UserDataSize);
        f.Text(L.FileNameAt, L.FileNameLength, h.FileName);
        f.Text(L.CreationTimeAt, L.TimeLength, h.CreationTime);
        f.Text(L.CreatorAt, L.CreatorLength, h.Creator);
        f.Text(L.ProjectAt, L.ProjectLength, h.Project);
        f.Text(L.CopyrightAt, L.CopyrightLength, h.Copyright);
        f.U32(L.EncryptionKeyAt, h.EncryptionKey);

        f.U16(L.OrientationAt, h.Orientation);
        f.U16(L.ElementCountAt, h.ElementCount);
        f.U32(L.WidthAt, h.Width);
        f.U32(L.HeightAt, h.Height);
        for (var i = 0; i < 8; i++)
        {
            // Unused element descriptions are all ones ("undefined").
            bytes.Slice(L.ElementAt + (i * L.ElementSize), L.ElementSize).Fill(0xff);
        }

        WriteElement(new DpxFields(bytes.Slice(L.ElementAt, L.ElementSize), h.BigEndian), h.Element);

        f.U32(L.XOffsetAt, h.XOffset);
        f.U32(L.YOffsetAt, h.YOffset);
        f.F32(L.XCenterAt, h.XCenter);
        f.F32(L.YCenterAt, h.YCenter);
        f.U32(L.XOriginalAt, h.XOriginalSize);
        f.U32(L.YOriginalAt, h.YOriginalSize);
        f.Text(L.SourceFileNameAt, L.SourceFileNameLength, h.SourceFileName);
        f.Text(L.SourceTimeAt, L.TimeLength, h.SourceTime);
        f.Text(L.InputDeviceAt, L.InputDeviceLength, h.InputDevice);
        f.Text(L.InputSerialAt, L.InputDeviceLength, h.InputDeviceSerial);
        bytes.Slice(L.BorderAt, 8).Fill(0xff);
        f.U32(L.AspectAt, h.AspectHorizontal);
        f.U32(L.AspectAt + 4, h.AspectVertical);
        f.F32(L.ScannedSizeAt, null);
        f.F32(L.ScannedSizeAt + 4, null);

        f.Text(L.FilmFormatAt, L.FilmFormatLength, h.FilmFormat);
        f.U32(L.FramePositionAt, h.FramePosition);
        f.U32(L.SequenceLengthAt, h.SequenceLength);
        f.U32(L.HeldCountAt, h.HeldCount);
        f.F32(L.FilmFrameRateAt, h.FilmFrameRate);
        f.F32(L.ShutterAngleAt, h.ShutterAngle);
        f.Text(L.FrameIdAt, L.FrameIdLength, h.FrameId);
        f.Text(L.SlateInfoAt, L.SlateInfoLength, h.SlateInfo);

        f.U32(L.TimeCodeAt, h.TimeCode);
        f.U32(L.UserBitsAt, h.UserBits);
        f.U8(L.InterlaceAt, h.Interlace);
        f.U8(L.FieldNumberAt, h.FieldNumber);
        f.U8(L.VideoSignalAt, h.VideoSignal);
        f.U8(L.VideoSignalAt + 1, 0);
        f.F32(L.HorizontalRateAt, h.HorizontalSampleRate);
        f.F32(L.VerticalRateAt, h.VerticalSampleRate);
        f.F32(L.TemporalRateAt, h.TemporalSampleRate);
        f.F32(L.TimeOffsetAt, null);
        f.F32(L.GammaAt, h.Gamma);
        f.F32(L.BlackLevelAt, h.BlackLevel);
        f.F32(L.BlackGainAt, null);
        f.F32(L.BreakpointAt, null);
        f.F32(L.WhiteLevelAt, h.WhiteLevel);
        f.F32(L.IntegrationTimeAt, null);
    }

    /// <summary>Parses the headers; <paramref name="file"/> names the file in errors. The bytes must hold at least 2048 bytes.</summary>
    public static DpxHeader Read(Span<byte> bytes, string file)
    {
        if (bytes.Length < L.HeaderSize)
        {
            throw new InputException($"{Path.GetFileName(file)} is {bytes.Length} bytes long, shorter than a DPX header ({L.HeaderSize} bytes).", file, "header", $"at least {L.HeaderSize} bytes");
        }

        var magic = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var bigEndian = magic == L.Magic;
        if (!bigEndian && magic != BinaryPrimitives.ReverseEndianness(L.Magic))
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)} is not a DPX file: its magic number is 0x{magic:x8}."),
                file, "magic", "\"SDPX\" (big-endian) or \"XPDS\" (little-endian)");
        }

        var f = new DpxFields(bytes, bigEndian);
        return new DpxHeader
        {
            BigEndian = bigEndian,
            ImageOffset = f.U32(L.ImageOffsetAt),
            Version = f.Text(L.VersionAt, 8),
            FileSize = f.U32(L.FileSizeAt),
            DittoKey = f.U32(L.DittoKeyAt),
            GenericHeaderSize = f.U32(L.GenericSizeAt),
            IndustryHeaderSize = f.U32(L.IndustrySizeAt),
            UserDataSize = f.U32(L.UserSizeAt),
            FileName = f.Text(L.FileNameAt, L.FileNameLength),
            CreationTime = f.Text(L.CreationTimeAt, L.TimeLength),
            Creator = f.Text(L.CreatorAt, L.CreatorLength),
            Project = f.Text(L.ProjectAt, L.ProjectLength),
            Copyright = f.Text(L.CopyrightAt, L.CopyrightLength),
            EncryptionKey = f.OptionalU32(L.EncryptionKeyAt),
            Orientation = f.U16(L.OrientationAt),
            ElementCount = f.U16(L.ElementCountAt),
            Width = f.U32(L.WidthAt),
            Height = f.U32(L.HeightAt),
            Element = ReadElement(new DpxFields(bytes.Slice(L.ElementAt, L.ElementSize), bigEndian)),
            XOffset = f.OptionalU32(L.XOffsetAt),
            YOffset = f.OptionalU32(L.YOffsetAt),
            XCenter = f.OptionalF32(L.XCenterAt),
            YCenter = f.OptionalF32(L.YCenterAt),
            XOriginalSize = f.OptionalU32(L.XOriginalAt),
            YOriginalSize = f.OptionalU32(L.YOriginalAt),
            SourceFileName = f.Text(L.SourceFileNameAt, L.SourceFileNameLength),
            SourceTime = f.Text(L.SourceTimeAt, L.TimeLength),
            InputDevice = f.Text(L.InputDeviceAt, L.InputDeviceLength),
            InputDeviceSerial = f.Text(L.InputSerialAt, L.InputDeviceLength),
            AspectHorizontal = f.OptionalU32(L.AspectAt),
            AspectVertical = f.OptionalU32(L.AspectAt + 4),
            FilmFormat = f.Text(L.FilmFormatAt, L.FilmFormatLength),
            FramePosition = f.OptionalU32(L.FramePositionAt),
            SequenceLength = f.OptionalU32(L.SequenceLengthAt),
            HeldCount = f.OptionalU32(L.HeldCountAt),
            FilmFrameRate = f.OptionalF32(L.FilmFrameRateAt),
            ShutterAngle = f.OptionalF32(L.ShutterAngleAt),
            FrameId = f.Text(L.FrameIdAt, L.FrameIdLength),
            SlateInfo = f.Text(L.SlateInfoAt, L.SlateInfoLength),
            TimeCode = f.OptionalU32(L.TimeCodeAt),
            UserBits = f.OptionalU32(L.UserBitsAt),
            Interlace = f.OptionalU8(L.InterlaceAt),
            FieldNumber = f.OptionalU8(L.FieldNumberAt),
            VideoSignal = f.OptionalU8(L.VideoSignalAt),
            HorizontalSampleRate = f.OptionalF32(L.HorizontalRateAt),
            VerticalSampleRate = f.OptionalF32(L.VerticalRateAt),
            TemporalSampleRate = f.OptionalF32(L.TemporalRateAt),
            Gamma = f.OptionalF32(L.GammaAt),
            BlackLevel = f.OptionalF32(L.BlackLevelAt),
            WhiteLevel = f.OptionalF32(L.WhiteLevelAt),
        };
    }

    private static void WriteElement(DpxFields f, DpxElement e)
    {
        f.U32(L.DataSignAt, e.DataSign);
        f.U32(L.RefLowDataAt, e.ReferenceLowData);
        f.F32(L.RefLowQuantityAt, e.ReferenceLowQuantity);
        f.U32(L.RefHighDataAt, e.ReferenceHighData);
        f.F32(L.RefHighQuantityAt, e.ReferenceHighQuantity);
        f.U8(L.DescriptorAt, e.Descriptor);
        f.U8(L.TransferAt, (byte)e.Transfer);
        f.U8(L.ColorimetricAt, (byte)e.Colorimetric);
        f.U8(L.BitDepthAt, e.BitDepth);
        f.U16(L.PackingAt, e.Packing);
        f.U16(L.EncodingAt, e.Encoding);
        f.U32(L.DataOffsetAt, e.DataOffset);
        f.U32(L.EndOfLinePaddingAt, e.EndOfLinePadding);
        f.U32(L.EndOfImagePaddingAt, e.EndOfImagePadding);
        f.Text(L.DescriptionAt, L.DescriptionLength, e.Description);
    }

    private static DpxElement ReadElement(DpxFields f) => new()
    {
        DataSign = f.U32(L.DataSignAt),
        ReferenceLowData = f.OptionalU32(L.RefLowDataAt),
        ReferenceLowQuantity = f.OptionalF32(L.RefLowQuantityAt),
        ReferenceHighData = f.OptionalU32(L.RefHighDataAt),
        ReferenceHighQuantity = f.OptionalF32(L.RefHighQuantityAt),
        Descriptor = f.U8(L.DescriptorAt),
        Transfer = (DpxCharacteristic)f.U8(L.TransferAt),
        Colorimetric = (DpxCharacteristic)f.U8(L.ColorimetricAt),
        BitDepth = f.U8(L.BitDepthAt),
        Packing = f.U16(L.PackingAt),
        Encoding = f.U16(L.EncodingAt),
        DataOffset = f.U32(L.DataOffsetAt),
        // Padding fields of all ones mean "none" in files from some writers.
        EndOfLinePadding = f.OptionalU32(L.EndOfLinePaddingAt) ?? 0,
        EndOfImagePadding = f.OptionalU32(L.EndOfImagePaddingAt) ?? 0,
        Description = f.Text(L.DescriptionAt, L.DescriptionLength),
    };
}
