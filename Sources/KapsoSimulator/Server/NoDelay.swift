#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Turns on TCP_NODELAY for the listening socket bound to a port, so every accepted socket inherits it.
///
/// FlyingFox writes a response's head and body in two calls and has no option for TCP_NODELAY; with Nagle
/// on, each request on a kept-alive connection then waits ~44 ms for the peer's delayed ACK. Linux copies
/// the option from a listener to the sockets it accepts, so setting it once on the listener is enough. The
/// listener is found by scanning descriptors for an accepting socket whose local port is `port`.
enum NoDelay {
    /// Returns whether a listener was found and the option set.
    @discardableResult
    static func enableOnListener(port: UInt16) -> Bool {
        for descriptor in Int32(3)..<4096 where isListener(descriptor, port: port) {
            var on: Int32 = 1
            let size = socklen_t(MemoryLayout<Int32>.size)
            return setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, size) == 0
        }
        return false
    }

    private static func isListener(_ descriptor: Int32, port: UInt16) -> Bool {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0, Int32(address.sin_family) == AF_INET, UInt16(bigEndian: address.sin_port) == port
        else { return false }
        var accepting: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(descriptor, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &size) == 0 && accepting == 1
    }
}
