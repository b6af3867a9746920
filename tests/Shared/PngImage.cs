using System.Buffers.Binary;
using System.IO.Compression;

namespace Alliances.Testing;

/// <summary>Minimal PNG decoder (8-bit greyscale, RGB, RGBA; non-interlaced), enough to check a screenshot is not blank.</summary>
internal sealed class PngImage
{
    private PngImage(int width, int height, uint[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>0xRRGGBB per pixel, row by row (alpha dropped).</summary>
    public uint[] Pixels { get; }

    public int DistinctColors => Pixels.Distinct().Count();

    /// <summary>Share of pixels that are not (near) white.</summary>
    public double InkShare => Pixels.Count(p => ((p >> 16) & 0xFF) < 235 || ((p >> 8) & 0xFF) < 235 || (p & 0xFF) < 235) / (double)Pixels.Length;

    public static PngImage Decode(byte[] png)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("not a PNG file");
        }

        int width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
        using var idat = new MemoryStream();
        int pos = 8;
        while (pos + 8 <= png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                bitDepth = data[8];
                colorType = data[9];
                interlace = data[12];
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }

            pos += 12 + length;
        }

        int channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
        if (bitDepth != 8 || channels == 0 || interlace != 0 || width <= 0 || height <= 0)
        {
            throw new NotSupportedException($"PNG variant not supported (bit depth {bitDepth}, colour type {colorType}, interlace {interlace}).");
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        byte[] bytes = raw.ToArray();
        int stride = width * channels;
        var prev = new byte[stride];
        var cur = new byte[stride];
        var pixels = new uint[width * height];
        for (int y = 0; y < height; y++)
        {
            int offset = y * (stride + 1);
            byte filter = bytes[offset];
            Array.Copy(bytes, offset + 1, cur, 0, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= channels ? cur[i - channels] : 0;
                int b = prev[i];
                int c = i >= channels ? prev[i - channels] : 0;
                cur[i] = filter switch
                {
                    0 => cur[i],
                    1 => (byte)(cur[i] + a),
                    2 => (byte)(cur[i] + b),
                    3 => (byte)(cur[i] + ((a + b) >> 1)),
                    4 => (byte)(cur[i] + Paeth(a, b, c)),
                    _ => throw new InvalidDataException($"bad PNG filter {filter}"),
                };
            }

            for (int x = 0; x < width; x++)
            {
                int i = x * channels;
                uint r = cur[i], g = channels >= 3 ? cur[i + 1] : cur[i], bl = channels >= 3 ? cur[i + 2] : cur[i];
                pixels[y * width + x] = (r << 16) | (g << 8) | bl;
            }

            (prev, cur) = (cur, prev);
        }

        return new PngImage(width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
