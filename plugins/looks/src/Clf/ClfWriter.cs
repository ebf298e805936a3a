using System.Text;
using System.Xml;
using Rushes.Contracts.Plugins;
using Rushes.Plugins.Looks.Ops;

namespace Rushes.Plugins.Looks.Clf;

/// <summary>
/// Writes an op list as a CLF v3 ProcessList (every node 32f to 32f, numbers in round-trip form), so
/// that reading it back gives the same ops. Used for sidecars and to hand any look to other tools.
/// </summary>
internal static class ClfWriter
{
    public static string Write(IReadOnlyList<LookOp> ops, string id, string? name = null, IEnumerable<string>? descriptions = null)
        => XmlOutput.Write(w =>
        {
            var ns = ClfReader.ClfV3Namespace;
            w.WriteStartElement("ProcessList", ns);
            w.WriteAttributeString("id", id);
            if (name is not null)
            {
                w.WriteAttributeString("name", name);
            }

            w.WriteAttributeString("compCLFversion", "3.0");
            foreach (var d in descriptions ?? [])
            {
                w.WriteElementString("Description", ns, d);
            }

            foreach (var op in ops)
            {
                if (op is InverseLut1DOp)
                {
                    // CLF v3 has no inverse-LUT node (standards.md §5.2, Inverses).
                    throw new InputException("An inverted 1D LUT cannot be written as CLF v3: the format has no node for it.", field: op.Kind, expected: "Matrix, LUT1D, LUT3D, Range, Log, Exponent or ASC_CDL");
                }

                w.WriteStartElement(op.Kind, ns);
                w.WriteAttributeString("inBitDepth", "32f");
                w.WriteAttributeString("outBitDepth", "32f");
                WriteBody(w, op, ns);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });

    public static void Save(IReadOnlyList<LookOp> ops, string id, string path) => XmlOutput.Save(Write(ops, id), path);

    private static void WriteBody(XmlWriter w, LookOp op, string ns)
    {
        switch (op)
        {
            case MatrixOp m:
                var rows = new StringBuilder();
                for (var r = 0; r < 3; r++)
                {
                    rows.Append('\n').Append(Text.Join(m.Coefficients.Skip(r * 3).Take(3)));
                    if (m.HasOffset)
                    {
                        rows.Append(' ').Append(Text.Of(m.Offset[r]));
                    }
                }

                WriteArray(w, ns, m.HasOffset ? "3 4" : "3 3", rows.Append('\n').ToString());
                break;
            case Lut1DOp lut:
                if (lut.HalfDomain)
                {
                    w.WriteAttributeString("halfDomain", "true");
                }

                WriteArray(w, ns, $"{lut.Size} 3", Rows(lut.Values));
                break;
            case Lut3DOp lut3:
                w.WriteAttributeString("interpolation", lut3.Interpolation == Interpolation.Tetrahedral ? "tetrahedral" : "trilinear");
                WriteArray(w, ns, $"{lut3.Size} {lut3.Size} {lut3.Size} 3", Rows(lut3.Values));
                break;
            case RangeOp range:
                w.WriteAttributeString("style", range.Clamp ? "Clamp" : "noClamp");
                foreach (var (element, value) in new[] { ("minInValue", range.MinIn), ("maxInValue", range.MaxIn), ("minOutValue", range.MinOut), ("maxOutValue", range.MaxOut) })
                {
                    if (value is { } v)
                    {
                        w.WriteElementString(element, ns, Text.Of(v));
                    }
                }

                break;
            case LogOp log:
                w.WriteAttributeString("style", Text.CamelStyle(log.Style.ToString()));
                if (log.Style is not (LogStyle.Log10 or LogStyle.Log2 or LogStyle.AntiLog10 or LogStyle.AntiLog2))
                {
                    var same = log.Channels.Distinct().Count() == 1;
                    for (var c = 0; c < (same ? 1 : 3); c++)
                    {
                        var p = log.Channels[c];
                        w.WriteStartElement("LogParams", ns);
                        if (!same)
                        {
                            w.WriteAttributeString("channel", "RGB"[c].ToString());
                        }

                        w.WriteAttributeString("base", Text.Of(p.Base));
                        w.WriteAttributeString("logSideSlope", Text.Of(p.LogSideSlope));
                        w.WriteAttributeString("logSideOffset", Text.Of(p.LogSideOffset));
                        w.WriteAttributeString("linSideSlope", Text.Of(p.LinSideSlope));
                        w.WriteAttributeString("linSideOffset", Text.Of(p.LinSideOffset));
                        if (p.LinSideBreak is { } b)
                        {
                            w.WriteAttributeString("linSideBreak", Text.Of(b));
                        }

                        if (p.LinearSlope is { } s)
                        {
                            w.WriteAttributeString("linearSlope", Text.Of(s));
                        }

                        w.WriteEndElement();
                    }
                }

                break;
            case ExponentOp e:
                w.WriteAttributeString("style", Text.CamelStyle(e.Style.ToString()));
                for (var c = 0; c < 3; c++)
                {
                    w.WriteStartElement("ExponentParams", ns);
                    w.WriteAttributeString("channel", "RGB"[c].ToString());
                    w.WriteAttributeString("exponent", Text.Of(e.Exponent[c]));
                    if (e.IsMonCurve)
                    {
                        w.WriteAttributeString("offset", Text.Of(e.Offset[c]));
                    }

                    w.WriteEndElement();
                }

                break;
            case CdlOp cdl:
                w.WriteAttributeString("style", cdl.Style.ToString());
                w.WriteStartElement("SOPNode", ns);
                w.WriteElementString("Slope", ns, Text.Join(cdl.Slope));
                w.WriteElementString("Offset", ns, Text.Join(cdl.Offset));
                w.WriteElementString("Power", ns, Text.Join(cdl.Power));
                w.WriteEndElement();
                w.WriteStartElement("SatNode", ns);
                w.WriteElementString("Saturation", ns, Text.Of(cdl.Saturation));
                w.WriteEndElement();
                break;
            default:
                throw new InvalidOperationException($"No CLF node for {op.Kind}.");
        }
    }

    private static void WriteArray(XmlWriter w, string ns, string dim, string values)
    {
        w.WriteStartElement("Array", ns);
        w.WriteAttributeString("dim", dim);
        w.WriteString(values);
        w.WriteEndElement();
    }

    private static string Rows(float[] values)
    {
        var text = new StringBuilder(values.Length * 12);
        for (var i = 0; i < values.Length; i += 3)
        {
            text.Append('\n').Append(Text.Of(values[i])).Append(' ').Append(Text.Of(values[i + 1])).Append(' ').Append(Text.Of(values[i + 2]));
        }

        return text.Append('\n').ToString();
    }
}
