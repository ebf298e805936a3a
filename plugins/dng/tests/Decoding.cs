using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Parameters;
using Rushes.Plugins.Dng.CameraFormat;

namespace Rushes.Plugins.Dng.Tests;

/// <summary>Opens a DNG the way the host does and decodes one frame.</summary>
internal static class Decoding
{
    public static readonly DngCameraFormat Format = new();

    public static IClipReader Open(string path)
    {
        var clip = Assert.Single(Format.GroupClips(new ClipGroupingRequest { Directory = Path.GetDirectoryName(path)!, DetectedFiles = [path], AllFiles = [path] }));
        return Format.Open(clip);
    }

    public static CfaImage Mosaic(string path)
    {
        using var reader = Open(path);
        var frame = reader.Decode(reader.Info.Frames.First, new DecodeRequest { Output = DecodeOutput.Mosaic });
        Assert.Equal("cfa-linear", frame.ColourEncoding);
        return Assert.IsType<CfaImage>(frame.Image);
    }

    public static DecodedFrame Rgb(string path, ResolutionLevel resolution = ResolutionLevel.Full, params (string Name, string Value)[] parameters)
    {
        using var reader = Open(path);
        return reader.Decode(reader.Info.Frames.First, new DecodeRequest
        {
            Resolution = resolution,
            Parameters = new ParameterValues(parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))),
        });
    }
}
