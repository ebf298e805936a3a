using System.Globalization;
using System.Text;
using Acme.RushesPlugin.Deliverable;
using Rushes.Contracts.Deliverables;
using Rushes.Contracts.Imaging;
using Rushes.Contracts.Parameters;
using Rushes.Contracts.Plugins;
using Rushes.Contracts.Time;
using Rushes.Testing;

namespace Acme.RushesPlugin.Tests.Deliverable;

public sealed class PfmDeliverableTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly PfmDeliverableType _type = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Writes_one_file_per_frame_and_the_sidecars()
    {
        var request = Request(4, 2, new FrameRange(1001, 1003)) with
        {
            Sidecars = [new Sidecar { Kind = "cdl", FileName = "shot010.cdl", Content = "<ColorDecisionList/>\n"u8.ToArray() }],
        };

        IReadOnlyList<WrittenFile> written;
        using (var writer = _type.CreateWriter(request))
        {
            foreach (var number in request.Frames.Frames())
            {
                using var image = Gradient(4, 2, number);
                writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = number, FileName = FrameName(number) });
            }

            written = writer.Complete();
        }

        var report = new StringBuilder("written:\n");
        foreach (var file in written)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {file.RelativePath} {file.Size} bytes, {file.Kind}, frames {file.Frames?.ToString() ?? "-"}");
        }

        // Everything in the folder, temporaries included: there must be none.
        report.AppendLine("folder:");
        foreach (var path in Directory.EnumerateFiles(_temp.Path).Order(StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {Path.GetFileName(path)} {new FileInfo(path).Length} bytes");
        }

        Golden.VerifyText(report.ToString(), "files");
        Golden.VerifyImage(Pfm.Read(File.ReadAllBytes(_temp.File(FrameName(1002)))), "frame-1002", ImageTolerance.Exact);
    }

    [Fact]
    public void Writes_big_endian_samples_when_asked()
    {
        var request = Request(2, 1, new FrameRange(1, 1), byteOrder: "big");
        using (var writer = _type.CreateWriter(request))
        {
            using var image = new PlanarImage(2, 1);
            // Planar: red of both pixels, then green, then blue.
            float[] samples = [1f, -2f, 0.5f, 0.25f, 0f, 65504f];
            samples.CopyTo(image.Samples);
            writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 1, FileName = "big.pfm" });
            writer.Complete();
        }

        var bytes = File.ReadAllBytes(_temp.File("big.pfm"));
        var header = bytes.Length - (2 * 3 * 4);
        var dump = new StringBuilder(Encoding.ASCII.GetString(bytes, 0, header).Replace("\n", "\\n\n", StringComparison.Ordinal));
        for (var at = header; at < bytes.Length; at += 4)
        {
            dump.AppendLine(Convert.ToHexString(bytes, at, 4));
        }

        Golden.VerifyText(dump.ToString(), "big-endian");
    }

    [Fact]
    public void Both_byte_orders_hold_the_same_pixels()
    {
        foreach (var order in new[] { "little", "big" })
        {
            using var writer = _type.CreateWriter(Request(5, 3, new FrameRange(7, 7), byteOrder: order));
            using var image = Gradient(5, 3, 7);
            writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 7, FileName = $"{order}.pfm" });
            writer.Complete();
        }

        var little = Pfm.Read(File.ReadAllBytes(_temp.File("little.pfm")));
        var big = Pfm.Read(File.ReadAllBytes(_temp.File("big.pfm")));
        Assert.Equal(little.Pixels, big.Pixels);
        using var expected = Gradient(5, 3, 7);
        Assert.Equal(FloatImage.FromPlanar(expected).Pixels, little.Pixels);
    }

    [Fact]
    public void A_failed_frame_leaves_no_file_behind()
    {
        using var writer = _type.CreateWriter(Request(4, 2, new FrameRange(1, 2)));
        using var wrongSize = Gradient(3, 2, 1);
        var error = Assert.Throws<InputException>(() => writer.WriteFrame(new DeliverableFrame { Image = wrongSize, FrameNumber = 1, FileName = "a.pfm" }));
        Assert.Equal("image", error.Field);

        using var image = Gradient(4, 2, 2);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => writer.WriteFrame(new DeliverableFrame { Image = image, FrameNumber = 2, FileName = "b.pfm" }, cancelled.Token));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Checks_its_options()
    {
        Assert.Empty(_type.ValidateOptions(ParameterValues.Empty));
        Assert.Empty(_type.ValidateOptions(new ParameterValues([new("byte-order", "BIG")])));

        var problem = Assert.Single(_type.ValidateOptions(new ParameterValues([new("byte-order", "middle")])));
        Assert.Equal(("byte-order", "one of little, big"), (problem.Field, problem.Expected));

        var error = Assert.Throws<InputException>(() => _type.CreateWriter(Request(4, 2, new FrameRange(1, 1), byteOrder: "middle")));
        Assert.Equal("byte-order", error.Field);
    }

    private DeliverableRequest Request(int width, int height, FrameRange frames, string? byteOrder = null)
        => new()
        {
            Output = new DirectoryOutputTarget(_temp.Path),
            FileName = "shot010.pfm",
            Options = byteOrder is null ? ParameterValues.Empty : new ParameterValues([new("byte-order", byteOrder)]),
            Width = width,
            Height = height,
            Frames = frames,
            FrameRate = FrameRate.Fps24,
            ColourEncoding = "ACEScg",
        };

    private static string FrameName(long frame) => string.Create(CultureInfo.InvariantCulture, $"shot010.{frame:D4}.pfm");

    // Scene-linear values below 0 and above 1 on purpose: PFM keeps them exactly.
    private static PlanarImage Gradient(int width, int height, long frame)
    {
        var image = new PlanarImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image.GetRow(0, y)[x] = (x - 1) * 0.75f;
                image.GetRow(1, y)[x] = y * 2.5f;
                image.GetRow(2, y)[x] = (frame % 100) / 8f;
            }
        }

        return image;
    }
}
