namespace Rushes.Host.Fdl.Templates;

/// <summary>
/// The working geometry of one template application: a size and an anchor per layer, per axis,
/// in floating point until the final rounding. Axis 0 is horizontal, axis 1 vertical.
/// </summary>
internal sealed class LayerGeometry
{
    private readonly double[,] _size = new double[4, 2];
    private readonly double[,] _anchor = new double[4, 2];

    public double Size(Layer layer, int axis) => _size[(int)layer, axis];

    public double Anchor(Layer layer, int axis) => _anchor[(int)layer, axis];

    public void SetSize(Layer layer, int axis, double value) => _size[(int)layer, axis] = value;

    public void SetAnchor(Layer layer, int axis, double value) => _anchor[(int)layer, axis] = value;

    public void Set(Layer layer, double width, double height, double x, double y)
    {
        _size[(int)layer, 0] = width;
        _size[(int)layer, 1] = height;
        _anchor[(int)layer, 0] = x;
        _anchor[(int)layer, 1] = y;
    }

    /// <summary>A layer is present when it has any size: absent layers are all zero.</summary>
    public bool IsPresent(Layer layer) => _size[(int)layer, 0] != 0 || _size[(int)layer, 1] != 0;

    public void CopyLayer(Layer from, Layer to)
    {
        for (var axis = 0; axis < 2; axis++)
        {
            _size[(int)to, axis] = _size[(int)from, axis];
            _anchor[(int)to, axis] = _anchor[(int)from, axis];
        }
    }
}
