internal import FlyingSocks
internal import Foundation

/// Counts the TCP connections FlyingFox accepts, by listening to its log.
///
/// FlyingFox has no connection hook, but its server logs one `"<peer> open connection"` info line per
/// accepted socket; this logger counts those lines and drops every message.
final class ConnectionCounter: Logging, @unchecked Sendable {
    private let lock = NSLock()
    private var opened = 0

    /// Connections accepted so far.
    var count: Int {
        lock.withLock { opened }
    }

    func logInfo(_ info: @autoclosure () -> String) {
        guard info().hasSuffix(" open connection") else { return }
        lock.withLock { opened += 1 }
    }

    func logDebug(_ debug: @autoclosure () -> String) {}
    func logWarning(_ warning: @autoclosure () -> String) {}
    func logError(_ error: @autoclosure () -> String) {}
    func logCritical(_ critical: @autoclosure () -> String) {}
}
