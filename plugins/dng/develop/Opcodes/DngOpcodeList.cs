using Rushes.Contracts.Imaging;
using Rushes.Contracts.Plugins;

namespace Rushes.Plugins.Dng.Develop;

/// <summary>
/// A parsed DNG opcode list (OpcodeList1, 2 or 3; DNG 1.6, chapter 7 "Opcode List Processing"): a big-endian
/// count, then per opcode its id, DNG version, flags, parameter byte count and parameters. Opcodes this library
/// does not apply are skipped with a warning when flagged optional, and refused with an <see cref="InputException"/>
/// naming the opcode otherwise, since the image cannot then be rendered as its maker intended.
/// </summary>
public sealed class DngOpcodeList
{
    /// <summary>The largest opcode list accepted (real lists are kilobytes; gain maps a few hundred).</summary>
    public const int MaxBytes = 64 << 20;

    private DngOpcodeList(IReadOnlyList<DngOpcode> opcodes, IReadOnlyList<Diagnostic> diagnostics)
    {
        Opcodes = opcodes;
        Diagnostics = diagnostics;
    }

    /// <summary>The opcodes to apply, in order.</summary>
    public IReadOnlyList<DngOpcode> Opcodes { get; }

    /// <summary>Warnings about optional opcodes that were skipped.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>An empty list.</summary>
    public static DngOpcodeList Empty { get; } = new([], []);

    /// <summary>Parses the bytes of an opcode list tag.</summary>
    /// <param name="bytes">The tag's value.</param>
    /// <param name="list">The tag's name for messages, such as <c>OpcodeList2</c>.</param>
    /// <param name="file">The file, for messages.</param>
    /// <exception cref="InputException">The list is malformed, or holds an opcode that is neither supported nor optional.</exception>
    public static DngOpcodeList Parse(ReadOnlySpan<byte> bytes, string list, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (bytes.Length > MaxBytes)
        {
            throw new InputException($"{list} is {bytes.Length} bytes long.", file, list, $"at most {MaxBytes} bytes");
        }

        var reader = new OpcodeReader(bytes, list, file);
        var count = reader.UInt32();
        // Every opcode has a 16-byte header, which bounds the count before anything is allocated.
        if (count > reader.Remaining / 16)
        {
            throw reader.Error($"the list declares {count} opcodes in {reader.Remaining} bytes.", "16 bytes of header per opcode");
        }

        var opcodes = new List<DngOpcode>();
        var diagnostics = new List<Diagnostic>();
        for (var n = 0; n < count; n++)
        {
            var header = new OpcodeHeader(reader.UInt32(), reader.UInt32(), reader.UInt32());
            var size = reader.UInt32();
            if (size > reader.Remaining)
            {
                throw reader.Error($"opcode {n + 1} ({OpcodeNames.Of(header.Id)}, id {header.Id}) declares {size} parameter bytes but {reader.Remaining} remain.", "parameters within the list");
            }

            var parameters = new OpcodeReader(reader.Bytes((int)size), list, file);
            var opcode = Create(header, ref parameters);
            if (opcode is not null)
            {
                opcodes.Add(opcode);
            }
            else if ((header.Flags & 1) != 0)
            {
                diagnostics.Add(new Diagnostic
                {
                    Severity = DiagnosticSeverity.Warning,
                    Code = "dng.opcode-skipped",
                    Message = $"{list}: skipped optional opcode {header.Id} ({OpcodeNames.Of(header.Id)}), which Rushes does not apply.",
                    File = file,
                    Field = list,
                });
            }
            else
            {
                throw new InputException(
                    $"{list}: opcode {header.Id} ({OpcodeNames.Of(header.Id)}) is not supported and is not marked optional, so the image cannot be rendered faithfully.",
                    file, list, "WarpRectilinear, FixVignetteRadial, FixBadPixelsConstant/List, MapTable, MapPolynomial, GainMap, Delta/ScalePerRow/Column, or an opcode flagged optional");
            }
        }

        return new DngOpcodeList(opcodes, diagnostics);
    }

    /// <summary>Applies the list to a mosaic in place (OpcodeList1 or 2).</summary>
    /// <param name="mosaic">The mosaic.</param>
    /// <param name="sampleScale">
    /// The float that stands for 1.0: 1 for a normalized mosaic (list 2); 65535 for list 1 applied to 16-bit values as
    /// stored (the DNG SDK normalizes stage-1 data by its 16-bit range, not by the white level).
    /// </param>
    public void Apply(CfaImage mosaic, double sampleScale = 1)
    {
        ArgumentNullException.ThrowIfNull(mosaic);
        Apply(new ImagePlanes(mosaic), sampleScale);
    }

    /// <summary>Applies the list to an RGB image in place (OpcodeList3, after demosaicing).</summary>
    public void Apply(PlanarImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        Apply(new ImagePlanes(image), 1);
    }

    private void Apply(ImagePlanes image, double sampleScale)
    {
        if (!(sampleScale > 0) || !double.IsFinite(sampleScale))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleScale), sampleScale, "The sample scale is a positive number.");
        }

        foreach (var opcode in Opcodes)
        {
            opcode.Apply(image, sampleScale);
        }
    }

    private static DngOpcode? Create(OpcodeHeader header, ref OpcodeReader reader) => header.Id switch
    {
        1 => new WarpRectilinearOpcode(header, ref reader),
        3 => new FixVignetteRadialOpcode(header, ref reader),
        4 => new FixBadPixelsConstantOpcode(header, ref reader),
        5 => new FixBadPixelsListOpcode(header, ref reader),
        7 => new MapTableOpcode(header, ref reader),
        10 or 11 or 12 or 13 => new PerRowColumnOpcode(header, ref reader),
        8 => new MapPolynomialOpcode(header, ref reader),
        9 => new GainMapOpcode(header, ref reader),
        _ => null,
    };
}
