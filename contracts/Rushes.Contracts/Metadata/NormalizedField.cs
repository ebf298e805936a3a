namespace Rushes.Contracts.Metadata;

/// <summary>
/// Keys of the normalized clip fields that camera-format plugins fill, with the unit each is given in.
/// The vocabulary follows SMPTE RIS camdkit / OpenTrackIO plus the workflow fields of dailies and VFX pulls.
/// The host's normalized schema is versioned; new keys are only ever added.
/// </summary>
public static class NormalizedField
{
    /// <summary>Clip name as the camera wrote it (text).</summary>
    public const string ClipName = "clip.name";

    /// <summary>Reel or camera roll name, as editorial sees it (text).</summary>
    public const string Reel = "clip.reel";

    /// <summary>Camera letter or index on a multi-camera shoot (text).</summary>
    public const string CameraLetter = "camera.letter";

    /// <summary>Scene (text).</summary>
    public const string Scene = "clip.scene";

    /// <summary>Take (text).</summary>
    public const string Take = "clip.take";

    /// <summary>Source timecode of the first frame (timecode).</summary>
    public const string TimecodeIn = "timecode.in";

    /// <summary>Capture frame rate (rational, fps).</summary>
    public const string CaptureFrameRate = "clip.capture_fps";

    /// <summary>Project or playback frame rate (rational, fps).</summary>
    public const string ProjectFrameRate = "clip.project_fps";

    /// <summary>Frame count (integer).</summary>
    public const string FrameCount = "clip.frame_count";

    /// <summary>Recorded width (integer, px).</summary>
    public const string Width = "image.width";

    /// <summary>Recorded height (integer, px).</summary>
    public const string Height = "image.height";

    /// <summary>Sensor mode or recording resolution name (text).</summary>
    public const string SensorMode = "camera.sensor_mode";

    /// <summary>Codec or recording format (text).</summary>
    public const string Codec = "clip.codec";

    /// <summary>Anamorphic squeeze, pixel aspect of the recorded image (number).</summary>
    public const string Squeeze = "lens.squeeze";

    /// <summary>Camera make (text).</summary>
    public const string CameraMake = "camera.make";

    /// <summary>Camera model (text).</summary>
    public const string CameraModel = "camera.model";

    /// <summary>Camera serial number (text).</summary>
    public const string CameraSerial = "camera.serial";

    /// <summary>Camera firmware version (text).</summary>
    public const string CameraFirmware = "camera.firmware";

    /// <summary>Lens make (text).</summary>
    public const string LensMake = "lens.make";

    /// <summary>Lens model (text).</summary>
    public const string LensModel = "lens.model";

    /// <summary>Lens serial number (text).</summary>
    public const string LensSerial = "lens.serial";

    /// <summary>Focal length (number, mm).</summary>
    public const string FocalLength = "lens.focal_length";

    /// <summary>T-stop (number, T).</summary>
    public const string TStop = "lens.t_stop";

    /// <summary>F-stop (number, f).</summary>
    public const string FStop = "lens.f_stop";

    /// <summary>Focus distance (number, m).</summary>
    public const string FocusDistance = "lens.focus_distance";

    /// <summary>ISO or exposure index (integer, ISO).</summary>
    public const string ExposureIndex = "exposure.iso";

    /// <summary>White balance colour temperature (number, K).</summary>
    public const string WhiteBalanceKelvin = "white_balance.kelvin";

    /// <summary>White balance tint, green-magenta (number).</summary>
    public const string WhiteBalanceTint = "white_balance.tint";

    /// <summary>Shutter angle (number, deg).</summary>
    public const string ShutterAngle = "exposure.shutter_angle";

    /// <summary>Shutter time (rational, s).</summary>
    public const string ShutterTime = "exposure.shutter_time";

    /// <summary>Neutral density (number, stop).</summary>
    public const string NeutralDensity = "exposure.nd";

    /// <summary>Recorded gamma or log curve (text, such as LogC3 or S-Log3).</summary>
    public const string ColourGamma = "colour.gamma";

    /// <summary>Recorded gamut (text, such as AWG3 or S-Gamut3.Cine).</summary>
    public const string ColourGamut = "colour.gamut";

    /// <summary>The ACES input transform id the recorded encoding maps to (text).</summary>
    public const string InputTransformId = "colour.input_transform_id";

    /// <summary>Look name, CDL or LUT recorded in camera (text).</summary>
    public const string Look = "colour.look";

    /// <summary>Recording date and time (date).</summary>
    public const string RecordedAt = "clip.recorded_at";
}
