using System.Runtime.InteropServices;
using System.Text;

namespace StaticDossier.IO;

/// <summary>Gives a file a second name without copying it, so an unchanged page keeps its inode and time.</summary>
internal static class HardLink
{
    /// <summary>Links <paramref name="existing"/> as <paramref name="link"/>; copies when the platform or the
    /// file system cannot link.</summary>
    public static void LinkOrCopy(string existing, string link)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                if (Link(Native(existing), Native(link)) == 0)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // No libc link(): fall through to a copy.
            }
        }

        File.Copy(existing, link, overwrite: false);
        File.SetLastWriteTimeUtc(link, File.GetLastWriteTimeUtc(existing));
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Link(byte[] oldPath, byte[] newPath);

    // Paths go to libc as NUL-terminated UTF-8, the file-name encoding on Linux and macOS.
    private static byte[] Native(string path) => Encoding.UTF8.GetBytes(path + "\0");
}
