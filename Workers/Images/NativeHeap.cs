using System.Runtime.InteropServices;

namespace RedMvc.Workers.Images;

/// <summary>The C library's heap, where ImageSharp's pixel buffers live (they are native memory, not the GC's).</summary>
internal static class NativeHeap
{
    /// <summary>
    /// Returns free heap pages to the system (glibc's malloc_trim). glibc raises its mmap threshold
    /// after the first big free, so later pixel buffers come from the heap and stay mapped when freed;
    /// without this the process keeps the size of its biggest photo for good. Where there is no
    /// malloc_trim (musl, macOS, Windows) nothing is done.
    /// </summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            MallocTrim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc: its allocator returns big blocks to the system on its own.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
