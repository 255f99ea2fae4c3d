import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serializes opening (creating, migrating) a results database between processes: an advisory
/// `flock` on the database's folder, held only while the store is opened. The folder, not the file,
/// is locked because SQLite's own POSIX locks on the file would be dropped when another descriptor
/// of it closes; no lock file is left behind.
enum StoreCreationLock {
    /// Runs `body` holding the lock for the folder of `path`; without a lockable folder, runs it unlocked.
    static func holding<T>(forDatabase path: String, _ body: () throws -> T) throws -> T {
        var dir = (path as NSString).deletingLastPathComponent
        if dir.isEmpty { dir = "." }
        let fd = open(dir, O_RDONLY)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        // Bounded wait: poll a non-blocking lock for up to the busy timeout, then go on without it.
        let deadline = Date().addingTimeInterval(ResultStore.busyTimeout)
        var locked = false
        while !locked {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { locked = true; break }
            if errno != EWOULDBLOCK && errno != EINTR { break }
            if Date() >= deadline { break }
            usleep(5_000)
        }
        defer { if locked { _ = flock(fd, LOCK_UN) } }
        return try body()
    }
}
