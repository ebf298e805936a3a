using System.Xml;
using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Cdl;

/// <summary>Writes ASC CDL sidecars (.cc, .ccc, .cdl) in the v1.01 namespace, through a temporary file.</summary>
internal static class CdlWriter
{
    public const string Namespace = "urn:ASC:CDL:v1.01";

    public static string ToCc(ColorCorrection correction) => Write(w => WriteCorrection(w, correction));

    public static string ToCcc(IEnumerable<ColorCorrection> corrections) => Write(w =>
    {
        w.WriteStartElement("ColorCorrectionCollection", Namespace);
        foreach (var c in corrections)
        {
            WriteCorrection(w, c);
        }

        w.WriteEndElement();
    });

    public static string ToCdl(IEnumerable<ColorCorrection> corrections) => Write(w =>
    {
        w.WriteStartElement("ColorDecisionList", Namespace);
        foreach (var c in corrections)
        {
            w.WriteStartElement("ColorDecision", Namespace);
            WriteCorrection(w, c);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    });

    /// <summary>Saves a sidecar through a temporary name.</summary>
    public static void Save(string text, string path) => XmlOutput.Save(text, path);

    private static string Write(Action<XmlWriter> body) => XmlOutput.Write(body);

    private static void WriteCorrection(XmlWriter w, ColorCorrection c)
    {
        w.WriteStartElement("ColorCorrection", Namespace);
        w.WriteAttributeString("id", c.Id);
        if (c.Description is { Length: > 0 })
        {
            w.WriteElementString("Description", Namespace, c.Description);
        }

        w.WriteStartElement("SOPNode", Namespace);
        w.WriteElementString("Slope", Namespace, Text.Join(c.Slope));
        w.WriteElementString("Offset", Namespace, Text.Join(c.Offset));
        w.WriteElementString("Power", Namespace, Text.Join(c.Power));
        w.WriteEndElement();
        w.WriteStartElement("SatNode", Namespace);
        w.WriteElementString("Saturation", Namespace, Text.Of(c.Saturation));
        w.WriteEndElement();
        w.WriteEndElement();
    }
}
