using Rushes.Contracts.CameraFormats;
using Rushes.Contracts.Time;
using Rushes.Plugins.Dng.TestKit;

namespace Rushes.Plugins.Dng.Tests;

/// <summary>CinemaDNG folders: frames from file names, per-frame timecode, and what grouping and opening report.</summary>
public sealed class SequenceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private IReadOnlyList<string> WriteClip(string name, IEnumerable<int> frames)
        => DngWriter.WriteSequence(_folder.Path, name, frames, n => new DngFile
        {
            Width = 16,
            Height = 12,
            Samples = Fixtures.Samples(16, 12, 16, seed: n),
            TimeCode = DngWriter.AddFrames((1, 0, 0, 0, false), n - 1, 25),
            FrameRate = (25, 1),
            ReelName = "B002",
            CameraLabel = "B",
        });

    private IReadOnlyList<ClipLocation> Group()
    {
        var files = Directory.GetFiles(_folder.Path).Order(StringComparer.Ordinal).ToList();
        return Decoding.Format.GroupClips(new ClipGroupingRequest { Directory = _folder.Path, DetectedFiles = files, AllFiles = files });
    }

    [Fact]
    public void A_folder_of_numbered_frames_is_one_clip_with_its_frame_range_rate_and_timecode()
    {
        WriteClip("B002C003", Enumerable.Range(1, 5));

        var clip = Assert.Single(Group());
        using var reader = Decoding.Format.Open(clip);

        Assert.Equal(("B002C003", ClipLayout.FrameSequence, _folder.Path), (clip.Name, clip.Layout, clip.Path));
        Assert.Equal(new FrameRange(1, 5), reader.Info.Frames);
        Assert.Equal(FrameRate.Fps25, reader.Info.FrameRate);
        Assert.Equal(Timecode.FromParts(1, 0, 0, 0, FrameRate.Fps25), reader.Info.StartTimecode);
        Assert.Equal(Timecode.FromParts(1, 0, 0, 3, FrameRate.Fps25), reader.ReadFrameMetadata(4).Timecode);
        Assert.Empty(reader.Diagnostics);
        using var decoded = reader.Decode(3, DecodeRequest.Default);
        Assert.Equal(Timecode.FromParts(1, 0, 0, 2, FrameRate.Fps25), decoded.Metadata!.Timecode);
    }

    [Fact]
    public void Gaps_duplicates_and_odd_sizes_are_reported()
    {
        WriteClip("B002C004", [1, 2, 5, 6]);
        File.Copy(Path.Combine(_folder.Path, "B002C004_000002.dng"), Path.Combine(_folder.Path, "B002C004_02.dng"));
        DngWriter.Write(new DngFile { Width = 20, Height = 12, Samples = Fixtures.Samples(20, 12, 16) }, Path.Combine(_folder.Path, "B002C004_000006.dng"));

        var clip = Assert.Single(Group());
        using var reader = Decoding.Format.Open(clip);

        Assert.Equal(new FrameRange(1, 6), reader.Info.Frames);
        var codes = reader.Diagnostics.Select(d => d.Code).ToList();
        Assert.Equal(["dng.duplicate-frame", "dng.missing-frames", "dng.frame-size"], codes);
        Assert.Contains("Frames 3 to 4 (2 frames) are missing", reader.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Contains("Frame 6 is 20 × 12", reader.Diagnostics[2].Message, StringComparison.Ordinal);
        var error = Assert.Throws<Rushes.Contracts.Plugins.InputException>(() => reader.Decode(6, DecodeRequest.Default));
        Assert.Equal("DefaultCropSize", error.Field);
        Assert.Throws<Rushes.Contracts.Plugins.InputException>(() => reader.Decode(3, DecodeRequest.Default));
    }

    [Fact]
    public void Unnumbered_files_and_two_sequences_in_one_folder_are_separate_clips()
    {
        WriteClip("A", [1, 2]);
        WriteClip("B", [7, 8, 9]);
        DngWriter.Write(new DngFile { Width = 8, Height = 8, Samples = Fixtures.Samples(8, 8, 16) }, Path.Combine(_folder.Path, "still.dng"));

        var clips = Group();

        Assert.Equal(["still", "A", "B"], clips.Select(c => c.Name));
        Assert.Equal([1, 2, 3], clips.Select(c => c.MediaFiles.Count));
        Assert.Equal(Path.Combine(_folder.Path, "B_000007.dng"), clips[2].Path);
    }

    public void Dispose() => _folder.Dispose();
}
