internal import CCurl
internal import CKopsShims

/// The libcurl transport: one easy handle reused across commands (keep-alive), TLS verification on,
/// plain http only to loopback, Ctrl-C aborting the transfer, and curl multi handles for `sendAll` and `exchanges`.
///
/// Not thread-safe: one instance belongs to the thread that runs commands.
public final class CurlTransport: HTTPTransport {
    /// Timeouts (seconds), size limits and the User-Agent sent with every request.
    public struct Options: Sendable {
        public var connectTimeout: Double
        public var timeout: Double
        public var userAgent: String
        public var limits: Limits

        public init(
            connectTimeout: Double = 10, timeout: Double = 30, userAgent: String = "kops", limits: Limits = Limits()
        ) {
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.userAgent = userAgent
            self.limits = limits
        }
    }

    /// The most a response may hold, so a hostile or broken server cannot exhaust memory.
    public struct Limits: Sendable {
        /// Body bytes after decoding (gzip, brotli, zstd); default 32 MiB, far above any page of 100 records.
        public var bodyBytes: Int
        /// Bytes of the status line and headers; default 64 KiB.
        public var headerBytes: Int

        public init(bodyBytes: Int = 32 << 20, headerBytes: Int = 64 << 10) {
            self.bodyBytes = bodyBytes
            self.headerBytes = headerBytes
        }
    }

    public var options: Options
    public var observer: (@Sendable (HTTPExchange) -> Void)?
    /// TCP connections opened so far by this transport (reused ones are not counted).
    public private(set) var connectionsOpened = 0

    /// The kept-alive handle and the connection cache shared with `sendAll`'s handles, made at the first request.
    private var primaryTransfer: CurlTransfer?
    private(set) var share: UnsafeMutableRawPointer?
    /// The GET `prefetch` started, taken by the next `send`, and the handle it ran on, kept for the next one.
    private var prefetched: CurlPrefetch?
    private var prefetchTransfer: CurlTransfer?
    /// The multi handle every prefetch of this transport runs in, made at the first.
    private(set) var prefetchMulti: CurlMulti?
    /// The origin of the last URL `check` accepted.
    private var checkedOrigin: String?

    /// True when libcurl is opened with `RTLD_DEEPBIND` (glibc builds without a sanitizer): its ~30 libraries then
    /// resolve their symbols among themselves before kops's, which halves the cost of loading it (docs/performance.md,
    /// "Session 7: per command").
    static var loadsLibcurlDeepBound: Bool { kops_curl_deep_bound() != 0 }

    /// Sets nothing up: libcurl is loaded and initialised at the first request, so commands that send none
    /// (and `kops --version`) never pay for it. Does not throw; the signature is kept for callers.
    public init(options: Options = Options()) throws(TransportError) {
        self.options = options
    }

    deinit {
        if let share { kops_curl_share_cleanup(share) }
    }

    /// The kept-alive handle, loading libcurl and making the shared connection cache on first use.
    func primary() throws(TransportError) -> CurlTransfer {
        if let primaryTransfer { return primaryTransfer }
        let transfer = try CurlTransfer()
        share = kops_curl_share_init()
        if let share { _ = kops_curl_share_setopt_long(share, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_CONNECT.rawValue)) }
        primaryTransfer = transfer
        return transfer
    }

    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        if let prefetch = prefetched {
            prefetched = nil
            if prefetch.matches(request), let code = prefetch.complete() {
                let result = prefetch.transfer.finish(code, request: request, started: prefetch.started, options: options)
                switch result {
                case .success, .failure(.cancelled):
                    record(request, transfer: prefetch.transfer, result: result)
                    return try result.get()
                case .failure:
                    // Asked again, as if never prefetched: the answer may have waited past its timeout behind a
                    // paused pipe, or the server closed the idle connection.
                    break
                }
            }
        }
        try check(request)
        let primary = try primary()
        let started = ContinuousClock.now
        primary.configure(request, options: options, share: share)
        let code = kops_curl_easy_perform(primary.handle)
        let result = primary.finish(code, request: request, started: started, options: options)
        record(request, transfer: primary, result: result)
        return try result.get()
    }

    public func sendAll(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, TransportError>] {
        prefetched = nil
        var results = [Result<HTTPResponse, TransportError>?](repeating: nil, count: requests.count)
        do throws(TransportError) {
            _ = try primary()
        } catch {
            return requests.map { _ in .failure(error) }
        }
        guard let multi = kops_curl_multi_init() else {
            return requests.map { request in Result { () throws(TransportError) in try send(request) } }
        }
        defer { kops_curl_multi_cleanup(multi) }
        var transfers: [(index: Int, transfer: CurlTransfer)] = []
        for (index, request) in requests.enumerated() {
            do throws(TransportError) {
                try check(request)
                let transfer = try CurlTransfer()
                transfer.configure(request, options: options, share: share)
                kops_curl_multi_add_handle(multi, transfer.handle)
                transfers.append((index, transfer))
            } catch {
                results[index] = .failure(error)
            }
        }
        let started = ContinuousClock.now
        var running: Int32 = 1
        while running > 0 {
            guard kops_curl_multi_perform(multi, &running) == CURLM_OK else { break }
            if running > 0 { kops_curl_multi_poll(multi, 100) }
        }
        var remaining: Int32 = 0
        while let message = kops_curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE,
                let entry = transfers.first(where: { $0.transfer.handle == message.pointee.easy_handle })
            else { continue }
            let request = requests[entry.index]
            let result = entry.transfer.finish(
                message.pointee.data.result, request: request, started: started, options: options)
            record(request, transfer: entry.transfer, result: result)
            results[entry.index] = result
        }
        for entry in transfers { kops_curl_multi_remove_handle(multi, entry.transfer.handle) }
        return results.map { $0 ?? .failure(.cancelled(sent: false)) }
    }

    public func exchanges() -> any HTTPExchanges { CurlExchanges(self) }

    public func prefetch(_ request: HTTPRequest) {
        prefetched = nil
        guard request.method == "GET", request.body == nil, (try? check(request)) != nil,
            (try? primary()) != nil, let transfer = prefetchTransfer ?? (try? CurlTransfer()), let multi = prefetchMulti ?? CurlMulti()
        else { return }
        prefetchTransfer = transfer
        prefetchMulti = multi
        prefetched = CurlPrefetch(request, transfer: transfer, multi: multi, options: options, share: share)
    }

    /// `check(_:)` of the request's URL, and a URL that holds one of its own secret headers (`HTTPRequest.secretInURL`).
    func check(_ request: HTTPRequest) throws(TransportError) {
        try check(request.url)
        if let leak = request.secretInURL() { throw leak }
    }

    /// Refuses URLs that do not parse, plain http to hosts that are not loopback, and a path segment no id is as long as.
    func check(_ url: String) throws(TransportError) {
        if let long = HTTPRequest.longPathSegment(in: url) { throw long }
        if let checkedOrigin, Self.isASCII(url, withOrigin: checkedOrigin) { return }
        guard let parts = URLParts(url) else { throw .badURL(url) }
        if parts.scheme == "http" && !parts.isLoopback { throw .insecureURL(host: parts.host) }
        checkedOrigin = Self.origin(of: url).map(String.init)
    }

    /// `scheme://authority` of an ASCII URL, the part `check` judges: a session's requests share it, so
    /// it is judged once. Nil for a URL with other characters, which is judged every time.
    private static func origin(of url: String) -> Substring? {
        let bytes = url.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }), let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        guard bytes[colon...].starts(with: "://".utf8) else { return nil }
        let authority = bytes.index(colon, offsetBy: 3)
        let end = bytes[authority...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
        return url[..<(end ?? bytes.endIndex)]
    }

    /// Whether `url` is ASCII and `origin(of: url)` is `origin`, an origin `origin(of:)` gave: `url` starts with its
    /// bytes and goes on with `/`, `?`, `#` or nothing. Read over the bytes at once: the origin's search and the
    /// comparison of the two as collections cost 6,500 instructions a request (docs/performance.md, "Session 51").
    static func isASCII(_ url: String, withOrigin origin: String) -> Bool {
        var url = url
        var origin = origin
        return url.withUTF8 { bytes in
            origin.withUTF8 { prefix in
                guard bytes.count >= prefix.count else { return false }
                for index in 0..<prefix.count where bytes[index] != prefix[index] { return false }
                if bytes.count > prefix.count {
                    let next = bytes[prefix.count]
                    guard next == UInt8(ascii: "/") || next == UInt8(ascii: "?") || next == UInt8(ascii: "#") else { return false }
                }
                for byte in bytes where byte >= 0x80 { return false }
                return true
            }
        }
    }

    func record(_ request: HTTPRequest, transfer: CurlTransfer, result: Result<HTTPResponse, TransportError>) {
        let opened = transfer.newConnections
        connectionsOpened += opened
        guard let observer else { return }
        let response = try? result.get()
        observer(
            HTTPExchange(
                method: request.method, url: request.url, requestHeaders: request.headers.map(\.redactedLine),
                status: response?.status, duration: response?.duration ?? 0, newConnection: opened > 0))
    }
}
