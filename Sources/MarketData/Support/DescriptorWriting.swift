#if canImport(Glibc)
import Glibc
#endif

/// Writing bytes to an open file descriptor, for the places that write with system calls (the
/// site's files, the send log, the terminal).
public enum DescriptorWriting {
    /// Writes all of `bytes`, going on after a short write and retrying one a signal interrupted;
    /// the `errno` of a failed write (EIO for a write of nothing), nil when all were written.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return count < 0 ? errno : EIO }
            offset += count
        }
        return nil
    }
}
