using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Looks.Clf;
using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Cdl;

/// <summary>One ASC CDL ColorCorrection: its id (possibly empty) and its v1.2 values.</summary>
internal sealed record ColorCorrection(string Id, double[] Slope, double[] Offset, double[] Power, double Saturation, string? Description = null)
{
    public CdlOp ToOp(CdlStyle style) => new(Slope, Offset, Power, Saturation, style);
}

/// <summary>
/// Reads ASC CDL XML (standards.md §4.2): a .cc (one ColorCorrection), a .ccc (ColorCorrectionCollection)
/// or a .cdl (ColorDecisionList). The root element decides the form, not the extension. Element names
/// are matched without their namespace; ASC_SOP, ASC_SAT and SATNode are accepted as OCIO does.
/// </summary>
internal static class CdlFile
{
    private static readonly string[] SopNames = ["SOPNode", "ASC_SOP"];
    private static readonly string[] SatNames = ["SatNode", "ASC_SAT", "SATNode"];

    /// <summary>Every ColorCorrection in the file, in document order.</summary>
    public static IReadOnlyList<ColorCorrection> ReadAll(string path)
    {
        var root = Load(path);
        var name = root.Name.LocalName;
        IEnumerable<XElement> corrections = name switch
        {
            "ColorCorrection" => [root],
            "ColorCorrectionCollection" => root.Elements().Where(e => e.Name.LocalName == "ColorCorrection"),
            "ColorDecisionList" => root.Elements().Where(e => e.Name.LocalName == "ColorDecision")
                .Select(d => d.Elements().FirstOrDefault(e => e.Name.LocalName == "ColorCorrection") ?? ResolveRef(path, root, d)),
            _ => throw new InputException($"{path}, line {Line(root)}: the root element is <{name}>, not an ASC CDL document.", path, "root", "ColorCorrection, ColorCorrectionCollection or ColorDecisionList"),
        };
        var list = corrections.Select(c => Read(path, c)).ToList();
        return list.Count > 0 ? list : throw new InputException($"{path}: the {name} holds no ColorCorrection.", path, name, "at least one ColorCorrection");
    }

    /// <summary>
    /// The ColorCorrection named by <paramref name="selector"/> (its id, or else its zero-based position);
    /// with no selector the file must hold exactly one.
    /// </summary>
    public static ColorCorrection Read(string path, string? selector)
    {
        var all = ReadAll(path);
        var ids = string.Join(", ", all.Select((c, i) => c.Id.Length > 0 ? $"'{c.Id}'" : $"#{i}"));
        if (string.IsNullOrEmpty(selector))
        {
            return all.Count == 1
                ? all[0]
                : throw new InputException($"{path} holds {all.Count} ColorCorrections; choose one with a selector: {ids}.", path, "selector", "one of " + ids);
        }

        return all.FirstOrDefault(c => c.Id == selector)
               ?? (int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < all.Count ? all[index] : null)
               ?? throw new InputException($"{path} has no ColorCorrection '{selector}'; it holds {ids}.", path, "selector", "one of " + ids);
    }

    private static XElement Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such CDL file.", path, "file", "an existing .cc, .ccc or .cdl file");
        }

        try
        {
            using var reader = XmlReader.Create(path, ClfReader.SecureSettings());
            return XDocument.Load(reader, LoadOptions.SetLineInfo).Root!;
        }
        catch (XmlException e)
        {
            throw new InputException($"{path}, line {e.LineNumber}: not well-formed ASC CDL XML: {e.Message}", path, "xml", "well-formed XML", e);
        }
    }

    private static XElement ResolveRef(string path, XElement root, XElement decision)
    {
        var reference = decision.Elements().FirstOrDefault(e => e.Name.LocalName == "ColorCorrectionRef");
        var target = (string?)reference?.Attribute("ref");
        return root.Descendants().FirstOrDefault(e => e.Name.LocalName == "ColorCorrection" && (string?)e.Attribute("id") == target && target is not null)
               ?? throw new InputException($"{path}, line {Line(decision)}: the ColorDecision has no ColorCorrection{(target is null ? string.Empty : $" and its ColorCorrectionRef '{target}' is not in the file")}.", path, "ColorDecision", "a ColorCorrection or a ColorCorrectionRef to one in the same file");
    }

    private static ColorCorrection Read(string path, XElement element)
    {
        InputException Error(XElement at, string field, string message, string expected)
            => new($"{path}, line {Line(at)}, <{at.Name.LocalName}>: {message}; expected {expected}.", path, field, expected);

        double[] Numbers(XElement parent, string name, int count, double[] fallback)
        {
            var e = parent.Elements().FirstOrDefault(x => x.Name.LocalName == name);
            if (e is null)
            {
                return fallback;
            }

            var values = new List<double>();
            foreach (var token in e.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                values.Add(double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                    ? v
                    : throw Error(e, name, $"'{token}' is not a number", "finite decimal numbers"));
            }

            return values.Count == count ? [.. values] : throw Error(e, name, $"{name} has {values.Count} values", count == 3 ? "three values (R G B)" : "one value");
        }

        var sop = element.Elements().FirstOrDefault(e => SopNames.Contains(e.Name.LocalName));
        var sat = element.Elements().FirstOrDefault(e => SatNames.Contains(e.Name.LocalName));
        var correction = new ColorCorrection(
            (string?)element.Attribute("id") ?? string.Empty,
            sop is null ? [1, 1, 1] : Numbers(sop, "Slope", 3, [1, 1, 1]),
            sop is null ? [0, 0, 0] : Numbers(sop, "Offset", 3, [0, 0, 0]),
            sop is null ? [1, 1, 1] : Numbers(sop, "Power", 3, [1, 1, 1]),
            sat is null ? 1 : Numbers(sat, "Saturation", 1, [1])[0],
            element.Elements().FirstOrDefault(e => e.Name.LocalName == "Description")?.Value.Trim());
        ClfReader.CheckCdlLimits(correction.ToOp(CdlStyle.Fwd), element, Error);
        return correction;
    }

    private static int Line(XElement e) => ((IXmlLineInfo)e).LineNumber;
}
