internal import Foundation
public import KopsHTTP
public import KopsShell
internal import KapsoClient

#if canImport(Glibc)
    internal import Glibc
#endif

/// A loopback HTTP server that answers with whatever bytes a test chooses: garbage, cut bodies,
/// endless headers, gzip bombs, silence. It counts the requests it gets, so a test can prove a write
/// was sent once and never retried.
///
/// Plain POSIX sockets on its own threads (one per connection), so it never competes with the
/// concurrency pool.
public final class HostileServer: @unchecked Sendable {
    /// What the server does with one request.
    public struct Reply: Sendable {
        /// Bytes written as they are (status line, headers, body: all up to the test).
        public var bytes: [UInt8]
        /// Seconds to keep the connection open after writing, saying nothing more.
        public var holdOpen: Double
        /// Read the next request on the same connection after this reply (a kept-alive connection).
        public var keepsConnection = false

        public init(_ bytes: [UInt8], holdOpen: Double = 0) {
            self.bytes = bytes
            self.holdOpen = holdOpen
        }

        /// A JSON response that keeps the connection open for the next request.
        public static func keptAlive(_ text: String) -> Reply {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(text.utf8.count)\r\n\r\n"
            var reply = Reply(Array(head.utf8) + Array(text.utf8))
            reply.keepsConnection = true
            return reply
        }

        /// A complete response with a `Content-Length`.
        public static func http(
            status: Int = 200, headers: [String] = ["Content-Type: application/json"], body: [UInt8]
        ) -> Reply {
            let head = (["HTTP/1.1 \(status) X", "Content-Length: \(body.count)", "Connection: close"] + headers)
                .joined(separator: "\r\n") + "\r\n\r\n"
            return Reply(Array(head.utf8) + body)
        }

        /// A JSON response.
        public static func json(status: Int = 200, _ text: String) -> Reply {
            .http(status: status, body: Array(text.utf8))
        }
    }

    /// One request as received: method, path with query, header lines and body.
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var body: [UInt8]
        /// Header fields as sent, in order, names as written.
        public var headers: [(name: String, value: String)] = []

        /// The first header with this name, compared case-insensitively.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    private let lock = NSLock()
    private var received: [Request] = []
    private var stopped = false

    /// Listens on 127.0.0.1 (a free port) and answers every request with `handler`.
    public init(_ handler: @escaping @Sendable (Request) -> Reply) throws {
        self.handler = handler
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw CocoaError(.fileWriteUnknown)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// The requests received so far, in order.
    public var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Stops accepting; connections being held close at their next check.
    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        if !wasStopped {
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        while !isStopped {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR { continue }
                return
            }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        while let request = read(from: connection) {
            lock.lock()
            received.append(request)
            lock.unlock()
            let reply = handler(request)
            var offset = 0
            while offset < reply.bytes.count {
                let written = reply.bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard written > 0 else { return }
                offset += written
            }
            if reply.keepsConnection { continue }
            let deadline = Date().addingTimeInterval(reply.holdOpen)
            while Date() < deadline && !isStopped { usleep(20_000) }
            return
        }
    }

    /// Reads one request head and its `Content-Length` body; nil when the client goes away.
    private func read(from connection: Int32) -> Request? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        var headEnd: Int?
        var bodyLength = 0
        while true {
            if let end = headEnd, bytes.count >= end + bodyLength { break }
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            bytes += buffer[0..<count]
            if headEnd == nil, let range = findHeadEnd(bytes) {
                headEnd = range
                let head = String(decoding: bytes[0..<range], as: UTF8.self).lowercased()
                for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
                    bodyLength = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
        }
        let end = headEnd ?? bytes.count
        let head = String(decoding: bytes[0..<end], as: UTF8.self)
        let requestLine = head.split(separator: "\r\n").first.map { $0.split(separator: " ") } ?? []
        let fields = head.split(separator: "\r\n").dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Request(
            method: requestLine.first.map(String.init) ?? "", path: requestLine.dropFirst().first.map(String.init) ?? "",
            body: Array(bytes[end...]), headers: fields)
    }

    private func findHeadEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }
}

extension HostileServer {
    /// A shell talking to this server, writing into a buffer, with a phone number selected.
    public func shell(timeout: Double = 2, limits: CurlTransport.Limits = .init()) throws -> (
        shell: Shell, output: BufferOutput
    ) {
        let transport = try CurlTransport(
            options: .init(connectTimeout: 2, timeout: timeout, userAgent: "kops-tests", limits: limits))
        let client = KapsoClient(baseURL: baseURL, apiKey: Secret("test_key_0123456789"), transport: transport)
        let context = ShellContext(
            session: Session(baseURL: client.baseURL, phoneNumberID: "100200300400501"), client: client,
            registry: .standard)
        let output = BufferOutput()
        return (Shell(context: context, renderer: Renderer(), output: output), output)
    }
}
