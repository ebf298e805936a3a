namespace Rushes.Host.Render.Tests;

/// <summary>Specs the render tests use, as plain YAML files (the spec reader's format 1, docs/SPECS.md).</summary>
public static class TestSpecs
{
    /// <summary>An exact float ACES plate with sidecars, an ACEScg conversion, and a resized half-float proxy.</summary>
    public const string Plates = """
        spec: 1
        name: test-plates
        deliverables:
          - name: plate
            type: openexr
            options:
              compression: piz
              pixel-type: float
            colour:
              output: none
              looks: false
            naming: "{shot}_plate/{resolution}/{shot}_plate.{frame:0000000}.exr"
            frame-offset: 1001
            sidecars: [amf, provenance, mhl]
            on-failure: abort
          - name: cg
            type: openexr
            options:
              compression: zip
              pixel-type: float
            colour:
              output: ACES2065-1_to_ACEScg
              looks: false
            naming: "{shot}_cg/{shot}_cg.{frame:0000}.exr"
            frame-offset: 1
            sidecars: [provenance]
          - name: proxy
            type: openexr
            options:
              compression: zip
              pixel-type: half
            framing:
              width: 48
              height: 27
              fit: fit_all
              filter: bilinear
            naming: "{shot}_proxy/{resolution}/{shot}_proxy.{frame:0000}.exr"

        """;

    /// <summary>Writes a spec text to a file and returns its path.</summary>
    public static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
