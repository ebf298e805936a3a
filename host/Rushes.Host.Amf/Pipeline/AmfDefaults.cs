using Rushes.Host.Amf.Model;

namespace Rushes.Host.Amf.Pipeline;

/// <summary>
/// The pipeline when no AMF is given (Netflix's rule): the camera's input transform to ACES; viewing
/// deliverables get the ACES Rec.709 output transform, ACES plates get none.
/// </summary>
public static class AmfDefaults
{
    /// <summary>A new AMF for a clip with the given camera input transform (null when the decoder already produced ACES).</summary>
    public static AmfDocument For(string? inputTransformId, bool viewing, DateTimeOffset now, AmfClipId? clip = null)
    {
        var transforms = new List<AmfTransform>();
        if (inputTransformId is not null)
        {
            transforms.Add(new AmfTransform { Element = AmfElements.InputTransform, Applied = false, TransformId = inputTransformId });
        }

        if (viewing)
        {
            transforms.Add(new AmfTransform { Element = AmfElements.OutputTransform, Applied = false, TransformId = TransformIds.DefaultViewingOutput });
        }

        var info = new AmfInfo { Description = "Rushes default pipeline", DateTime = AmfDateTime.At(now), Uuid = AmfWriter.NewUuid() };
        return new AmfDocument
        {
            Version = "2.0",
            Info = info,
            ClipId = clip,
            Pipeline = new AmfPipeline { Info = info with { Uuid = AmfWriter.NewUuid() }, SystemVersion = new AmfSystemVersion(2, 0, 0), Transforms = transforms },
        };
    }
}
