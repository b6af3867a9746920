using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Alliances.Experiments.Comparison;

/// <summary>
/// The journal of a comparison (<c>journal.bin</c> in the results folder): every finished replication, in replication
/// order, so an interrupted run can resume and shards can be merged.
/// <code>
/// file    = magic "ALJRNL01" (8 bytes) · u32 n · header JSON (n bytes, UTF-8) · u32 CRC-32(header) · record*
/// record  = u32 length · u32 CRC-32(payload) · payload (length bytes)
/// payload = i64 replication · u64 replication seed · i32 D, M, months, T, K
///           · f64[D·M] end metrics · f32[D·months·M] region series · f32[D·T·months·K] territory series
/// </code>
/// Little-endian. A record whose length, checksum or replication number is wrong ends the journal: it is the torn tail
/// of a killed process and is discarded (and truncated away on resume). Records are flushed to the operating system
/// one by one, so killing the process loses only replications still in flight.
/// </summary>
public static class Journal
{
    public const string FileName = "journal.bin";
    internal static ReadOnlySpan<byte> Magic => "ALJRNL01"u8;
    internal const int MaxRecordBytes = 1 << 30;

    internal static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("journals are written on little-endian machines only");
    }

    internal static int PayloadSize(ComparisonLayout l) =>
        8 + 8 + 5 * 4 + 8 * l.D * l.M + 4 * l.D * l.SeriesPerDesign + 4 * l.D * l.TerritoryPerDesign;

    /// <summary>Reads only the header (throws <see cref="InvalidDataException"/> when the file is not a journal).</summary>
    public static JournalHeader ReadHeader(string path)
    {
        using var r = JournalReader.Open(path);
        return r.Header;
    }

    /// <summary>Header, number of valid records, and the byte length they span (to truncate a torn tail).</summary>
    public static (JournalHeader Header, long Records, long ValidLength) Scan(string path)
    {
        using var r = JournalReader.Open(path);
        while (r.ReadNext() is not null) { }
        return (r.Header, r.RecordCount, r.ValidLength);
    }
}

/// <summary>Appends records to a journal. Not thread-safe: one committer writes in replication order.</summary>
public sealed class JournalWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly ComparisonLayout _layout;
    private readonly byte[] _buffer;
    private long _next;

    private JournalWriter(FileStream stream, ComparisonLayout layout, long nextReplication)
    {
        _stream = stream;
        _layout = layout;
        _buffer = new byte[8 + Journal.PayloadSize(layout)];
        _next = nextReplication;
    }

    /// <summary>Writes a new journal holding only the header (to a temporary file renamed into place), then opens it.</summary>
    public static JournalWriter CreateNew(string path, JournalHeader header)
    {
        Journal.EnsureLittleEndian();
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(header, JournalHeader.Json);
        string tmp = path + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            Span<byte> u32 = stackalloc byte[4];
            fs.Write(Journal.Magic);
            BinaryPrimitives.WriteUInt32LittleEndian(u32, (uint)json.Length);
            fs.Write(u32);
            fs.Write(json);
            BinaryPrimitives.WriteUInt32LittleEndian(u32, Crc32.Compute(json));
            fs.Write(u32);
            fs.Flush(flushToDisk: true);
        }
        File.Move(tmp, path, overwrite: true);
        return Open(path, header, validLength: -1, records: 0);
    }

    /// <summary>Opens an existing journal to append after its <paramref name="records"/> valid records (a torn tail is cut).</summary>
    public static JournalWriter Open(string path, JournalHeader header, long validLength, long records)
    {
        Journal.EnsureLittleEndian();
        var fs = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            if (validLength >= 0 && fs.Length != validLength) fs.SetLength(validLength);
            fs.Seek(0, SeekOrigin.End);
            return new JournalWriter(fs, header.ToLayout(), header.First + records);
        }
        catch
        {
            fs.Dispose();
            throw;
        }
    }

    public void Append(ReplicationResult r)
    {
        if (r.Replication != _next) throw new InvalidOperationException($"journal expects replication {_next}, got {r.Replication}");
        var l = _layout;
        var span = _buffer.AsSpan();
        var payload = span[8..];
        int o = 0;
        BinaryPrimitives.WriteInt64LittleEndian(payload[o..], r.Replication); o += 8;
        BinaryPrimitives.WriteUInt64LittleEndian(payload[o..], r.ReplicationSeed); o += 8;
        foreach (int v in (ReadOnlySpan<int>)[l.D, l.M, l.Months, l.T, l.K]) { BinaryPrimitives.WriteInt32LittleEndian(payload[o..], v); o += 4; }
        o += Copy(MemoryMarshal.AsBytes(r.End.AsSpan()), payload[o..]);
        o += Copy(MemoryMarshal.AsBytes(r.Series.AsSpan()), payload[o..]);
        o += Copy(MemoryMarshal.AsBytes(r.Territories.AsSpan()), payload[o..]);
        if (o != payload.Length) throw new InvalidOperationException("record size does not match the layout");
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)o);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Crc32.Compute(payload));
        _stream.Write(span);
        _stream.Flush();
        _next++;
    }

    private static int Copy(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        src.CopyTo(dst);
        return src.Length;
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>Reads a journal sequentially; stops at the end or at the first torn or corrupt record.</summary>
public sealed class JournalReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly byte[] _payload;

    private JournalReader(FileStream stream, JournalHeader header, long headerLength)
    {
        _stream = stream;
        Header = header;
        Layout = header.ToLayout();
        _payload = new byte[Journal.PayloadSize(Layout)];
        ValidLength = headerLength;
    }

    public JournalHeader Header { get; }
    public ComparisonLayout Layout { get; }
    /// <summary>Valid records read so far.</summary>
    public long RecordCount { get; private set; }
    /// <summary>Bytes from the start of the file to the end of the last valid record.</summary>
    public long ValidLength { get; private set; }
    /// <summary>True when reading stopped at bytes that are not a valid record (a torn tail).</summary>
    public bool TornTail { get; private set; }

    public static JournalReader Open(string path)
    {
        Journal.EnsureLittleEndian();
        var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            Span<byte> head = stackalloc byte[12];
            if (fs.ReadAtLeast(head, 12, throwOnEndOfStream: false) < 12 || !head[..8].SequenceEqual(Journal.Magic))
                throw new InvalidDataException($"{path} is not a comparison journal");
            uint n = BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
            if (n > 16 << 20) throw new InvalidDataException($"{path}: journal header too large");
            var json = new byte[n + 4];
            if (fs.ReadAtLeast(json, json.Length, throwOnEndOfStream: false) < json.Length)
                throw new InvalidDataException($"{path}: truncated journal header");
            uint crc = BinaryPrimitives.ReadUInt32LittleEndian(json.AsSpan((int)n));
            if (crc != Crc32.Compute(json.AsSpan(0, (int)n))) throw new InvalidDataException($"{path}: journal header checksum mismatch");
            JournalHeader header;
            try
            {
                header = JsonSerializer.Deserialize<JournalHeader>(json.AsSpan(0, (int)n), JournalHeader.Json)
                         ?? throw new InvalidDataException($"{path}: empty journal header");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}: unreadable journal header ({e.Message})");
            }
            return new JournalReader(fs, header, 12 + n + 4);
        }
        catch
        {
            fs.Dispose();
            throw;
        }
    }

    /// <summary>The next record, or null at the end (or at a torn/corrupt record: see <see cref="TornTail"/>).</summary>
    public ReplicationResult? ReadNext()
    {
        if (TornTail || RecordCount >= Header.Count) return null;
        var l = Layout;
        Span<byte> prefix = stackalloc byte[8];
        int got = _stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false);
        if (got == 0) return null;
        if (got < 8) return Torn();
        int length = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(prefix), int.MaxValue);
        if (length != _payload.Length) return Torn();
        if (_stream.ReadAtLeast(_payload, length, throwOnEndOfStream: false) < length) return Torn();
        if (BinaryPrimitives.ReadUInt32LittleEndian(prefix[4..]) != Crc32.Compute(_payload)) return Torn();
        ReadOnlySpan<byte> p = _payload;
        long replication = BinaryPrimitives.ReadInt64LittleEndian(p);
        ulong seed = BinaryPrimitives.ReadUInt64LittleEndian(p[8..]);
        int o = 16;
        foreach (int expected in (ReadOnlySpan<int>)[l.D, l.M, l.Months, l.T, l.K])
        {
            if (BinaryPrimitives.ReadInt32LittleEndian(p[o..]) != expected) return Torn();
            o += 4;
        }
        if (replication != Header.First + RecordCount) return Torn();
        var end = new double[l.D * l.M];
        var series = new float[l.D * l.SeriesPerDesign];
        var territories = new float[l.D * l.TerritoryPerDesign];
        o += Fill(p[o..], MemoryMarshal.AsBytes(end.AsSpan()));
        o += Fill(p[o..], MemoryMarshal.AsBytes(series.AsSpan()));
        Fill(p[o..], MemoryMarshal.AsBytes(territories.AsSpan()));
        RecordCount++;
        ValidLength += 8 + length;
        return new ReplicationResult(replication, seed, end, series, territories);
    }

    private static int Fill(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        src[..dst.Length].CopyTo(dst);
        return dst.Length;
    }

    private ReplicationResult? Torn()
    {
        TornTail = true;
        return null;
    }

    public void Dispose() => _stream.Dispose();
}
