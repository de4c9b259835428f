namespace RedMvc.Workers.Images;

/// <summary>
/// Walks a JPEG's markers from SOI to EOI the way a decoder does: each segment skipped by its
/// length (so an EXIF thumbnail's own end marker is never mistaken for the photo's), the
/// entropy-coded data after each start of scan skipped to the next marker. Reads through a buffer,
/// so a 20 MB photo takes one pass.
/// </summary>
internal sealed class JpegMarkers(Stream content, long start, long length)
{
    private const int StartOfImage = 0xD8;
    private const int EndOfImage = 0xD9;
    private const int StartOfScan = 0xDA;
    private readonly byte[] buffer = new byte[64 * 1024];
    private long bufferOffset;
    private int buffered;
    private long offset;

    /// <summary>Whether the markers run from the start of the file to an end-of-image marker; what follows it does not matter.</summary>
    public bool ReachEnd()
    {
        if (Next() != 0xFF || Next() != StartOfImage) return false;
        while (true)
        {
            if (Next() != 0xFF) return false;
            var code = NextNotFill();
            switch (code)
            {
                case < 0: return false;
                case EndOfImage: return true;
                case 0x01 or (>= 0xD0 and <= 0xD7): continue; // markers without a segment
            }
            var high = Next();
            var low = Next();
            if (low < 0) return false;
            var segment = (high << 8) | low;
            if (segment < 2 || !Skip(segment - 2)) return false;
            if (code == StartOfScan && !SkipEntropyCodedData()) return false;
        }
    }

    /// <summary>
    /// To the next marker: an FF not followed by 00 (a stuffed FF) or a restart marker. Leaves the
    /// position on that FF.
    /// </summary>
    private bool SkipEntropyCodedData()
    {
        while (SkipTo(0xFF))
        {
            offset++;
            var code = NextNotFill();
            if (code < 0) return false;
            if (code == 0x00 || code is >= 0xD0 and <= 0xD7) continue;
            offset -= 2;
            return true;
        }
        return false;
    }

    /// <summary>The next byte that is not a fill byte (FF); -1 at the end of the file.</summary>
    private int NextNotFill()
    {
        int value;
        do value = Next(); while (value == 0xFF);
        return value;
    }

    private int Next()
    {
        if (offset >= length) return -1;
        if (offset < bufferOffset || offset >= bufferOffset + buffered) Fill();
        return buffer[offset++ - bufferOffset];
    }

    private bool Skip(long count)
    {
        if (offset + count > length) return false;
        offset += count;
        return true;
    }

    /// <summary>Moves to the next occurrence of the byte; false when the file ends first.</summary>
    private bool SkipTo(byte value)
    {
        while (offset < length)
        {
            if (offset < bufferOffset || offset >= bufferOffset + buffered) Fill();
            var rest = buffer.AsSpan((int)(offset - bufferOffset), (int)(bufferOffset + buffered - offset));
            var found = rest.IndexOf(value);
            if (found >= 0)
            {
                offset += found;
                return true;
            }
            offset += rest.Length;
        }
        return false;
    }

    private void Fill()
    {
        content.Position = start + offset;
        bufferOffset = offset;
        buffered = content.ReadAtLeast(buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - offset)), 1, throwOnEndOfStream: false);
        if (buffered == 0) throw new EndOfStreamException("The image is shorter than its stream said.");
    }
}
